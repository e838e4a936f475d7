using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.Publicity;

/// <summary>
/// 单位公示期 (the notice: 公示期为5个工作日). It starts on the Beijing day on which the auditor
/// starts it, by the server's clock, never on a date someone types in; it counts that day when
/// it is a working day and ends at 24:00 Beijing time of its fifth working day.
/// </summary>
public sealed record UnitPublicityPeriod(DateOnly FirstDay, DateOnly LastDay)
{
    public const int WorkingDays = 5;

    /// <summary>The instant the period is over: the start of the day after <see cref="LastDay"/>, Beijing time.</summary>
    public DateTimeOffset EndsAt => EndOf(LastDay);

    /// <summary>The period of a publicity started at <paramref name="now"/>.</summary>
    public static UnitPublicityPeriod StartedAt(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var firstDay = BeijingTime.DateOf(now);
        return new UnitPublicityPeriod(firstDay, calendar.EndOfPeriod(firstDay, WorkingDays));
    }

    /// <summary>24:00 Beijing time of <paramref name="lastDay"/>.</summary>
    public static DateTimeOffset EndOf(DateOnly lastDay) => BeijingTime.StartOfDay(lastDay.AddDays(1));
}

/// <summary>
/// The result of a unit publicity (no objection, or an objection and its handling) can be
/// recorded only once its last working day has ended: a result recorded sooner would certify
/// days on which staff could still object.
/// </summary>
public sealed class PublicityResultOnlyAfterThePeriodRule(DateOnly? lastDay, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => lastDay is not { } day || now < UnitPublicityPeriod.EndOf(day);

    public string Message => lastDay is { } day
        ? $"单位公示期至 {day:yyyy年M月d日} 结束，结束后才能记录公示结果。"
        : "尚未开始单位公示，不能记录公示结果。";
}

using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.Publicities;

/// <summary>Which of the office's public publicities (the notice's 三公开 that the public sees) this is.</summary>
public enum PublicPublicityKind
{
    /// <summary>初审结果公示.</summary>
    PreliminaryResults = 1,

    /// <summary>送评委会评审人员名单 (the committee list).</summary>
    CommitteeList = 2,

    /// <summary>评审结果公示 (the committee's results: name, unit, level, result).</summary>
    CommitteeResults = 3,
}

/// <summary>
/// A publicity the office publishes on the public site for a campaign: what it lists is read
/// from the applications it names; this record holds its period. The period is whole Beijing
/// days on the working-day calendar: it starts at 0:00 of its first working day and ends at
/// 24:00 of its last, so it leaves the public list by the clock, never by hand.
/// </summary>
public sealed class PublicPublicity : Entity
{
    public const int DefaultWorkingDays = 5;

    private PublicPublicity()
    {
        Title = string.Empty;
        PublishedBy = string.Empty;
        PublishedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public PublicPublicityKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }

    public string PublishedByName { get; private set; }

    /// <summary>0:00 Beijing time of the first day.</summary>
    public DateTimeOffset StartsAt => BeijingTime.StartOfDay(FirstDay);

    /// <summary>24:00 Beijing time of the last day.</summary>
    public DateTimeOffset EndsAt => BeijingTime.StartOfDay(LastDay.AddDays(1));

    /// <summary>As the posted notice words it: "公示期：2023年10月9日至10月13日".</summary>
    public string PeriodText => PeriodTextOf(FirstDay, LastDay);

    public bool IsRunningAt(DateTimeOffset instant) => instant >= StartsAt && instant < EndsAt;

    public bool HasEndedAt(DateTimeOffset instant) => instant >= EndsAt;

    public static string PeriodTextOf(DateOnly firstDay, DateOnly lastDay) =>
        firstDay.Year == lastDay.Year
            ? $"公示期：{firstDay:yyyy年M月d日}至{lastDay:M月d日}"
            : $"公示期：{firstDay:yyyy年M月d日}至{lastDay:yyyy年M月d日}";

    /// <summary>
    /// Publishes a publicity of <paramref name="workingDays"/> working days from
    /// <paramref name="firstDay"/>, which must be a working day and not before today (Beijing).
    /// </summary>
    public static PublicPublicity Publish(
        Guid campaignId,
        PublicPublicityKind kind,
        string title,
        DateOnly firstDay,
        int workingDays,
        WorkingDayCalendar calendar,
        DateTimeOffset now,
        string by,
        string byName)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        CheckRule(new PublicityStartsOnAWorkingDayRule(firstDay, calendar));
        CheckRule(new PublicityStartsNoEarlierThanTodayRule(firstDay, now));
        CheckRule(new PublicityLastsAtLeastOneWorkingDayRule(workingDays));
        return new PublicPublicity
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            Kind = kind,
            Title = title.Trim(),
            FirstDay = firstDay,
            LastDay = calendar.EndOfPeriod(firstDay, workingDays),
            PublishedAt = now,
            PublishedBy = by,
            PublishedByName = byName,
        };
    }
}

/// <summary>A publicity counts working days, so it starts on one (not on a weekend or a holiday).</summary>
public sealed class PublicityStartsOnAWorkingDayRule(DateOnly firstDay, WorkingDayCalendar calendar) : IBusinessRule
{
    public bool IsBroken() => !calendar.HasYear(firstDay.Year) || !calendar.IsWorkingDay(firstDay);

    public string Message => calendar.HasYear(firstDay.Year)
        ? $"{firstDay:yyyy年M月d日}不是工作日，公示期须从工作日开始。"
        : $"工作日历中没有 {firstDay.Year} 年，无法计算公示期；请先在“工作日历”中导入该年。";
}

/// <summary>A publicity cannot start in the past: days already gone were not public.</summary>
public sealed class PublicityStartsNoEarlierThanTodayRule(DateOnly firstDay, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => firstDay < BeijingTime.DateOf(now);

    public string Message => $"公示期不能从过去的日期（{firstDay:yyyy年M月d日}）开始，最早从今天开始。";
}

public sealed class PublicityLastsAtLeastOneWorkingDayRule(int workingDays) : IBusinessRule
{
    public bool IsBroken() => workingDays < 1;

    public string Message => "公示期至少为 1 个工作日。";
}

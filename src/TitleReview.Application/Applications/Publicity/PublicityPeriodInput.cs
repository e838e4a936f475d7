using TitleReview.Application.Common;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;

namespace TitleReview.Application.Applications.Publicity;

/// <summary>A publicity's period and title as the office typed them, checked.</summary>
internal sealed record PublicityPeriodInput(DateOnly FirstDay, int WorkingDays, string Title)
{
    /// <summary>A publicity is days, not weeks: more than this is a typing error.</summary>
    public const int MaxWorkingDays = 30;

    public const int MaxTitleLength = 100;

    /// <summary>
    /// The period's rules as the form's field messages, before anything is read: every public
    /// publicity (the preliminary results, the committee list, the committee's results) is published
    /// from the same form. <paramref name="workingDaysRule"/> is one kind's own rule on the length.
    /// </summary>
    public static PublicityPeriodInput Check(DateOnly? firstDay, int? workingDays, string? title, string defaultTitle, WorkingDayCalendar calendar, DateTimeOffset now, IBusinessRule? workingDaysRule = null)
    {
        var checkedTitle = string.IsNullOrWhiteSpace(title) ? defaultTitle : title.Trim();
        var days = workingDays ?? PublicPublicity.DefaultWorkingDays;
        var v = new Validation();
        v.Require(firstDay is not null, "firstDay", "请选择公示期的第一天。");
        if (firstDay is { } day)
        {
            Require(v, new PublicityStartsOnAWorkingDayRule(day, calendar), "firstDay");
            Require(v, new PublicityStartsNoEarlierThanTodayRule(day, now), "firstDay");
        }

        Require(v, new PublicityLastsAtLeastOneWorkingDayRule(days), "workingDays");
        if (workingDaysRule is not null)
        {
            Require(v, workingDaysRule, "workingDays");
        }

        v.Require(days <= MaxWorkingDays, "workingDays", $"公示期不能超过 {MaxWorkingDays} 个工作日。");
        v.Require(checkedTitle.Length <= MaxTitleLength, "title", $"公示标题不能超过 {MaxTitleLength} 个字。");
        v.ThrowIfInvalid();
        return new PublicityPeriodInput(firstDay!.Value, days, checkedTitle);
    }

    private static void Require(Validation validation, IBusinessRule rule, string field) =>
        validation.Require(!rule.IsBroken(), field, rule.Message);
}

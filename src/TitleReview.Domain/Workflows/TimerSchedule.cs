using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Workflows;

/// <summary>
/// Turns a timer's <see cref="TimerExpression"/> into an instant (ADR 15), in Beijing time:
/// <list type="bullet">
/// <item>the anchor: a stage's opening or closing on the campaign's timeline, or a mark of the instance;
/// an office exception (<see cref="WorkflowInstance.ReopenedUntil"/>) pushes the closing out to the
/// exception's end, for the timer at the close and for those counted from it;</item>
/// <item>"<c>5wd after</c>": 24:00 of the last day of a 5-working-day period that begins on the
/// anchor's day, counting that day when it is a working day;</item>
/// <item>"<c>3wd before</c>": 00:00 of the third working day before the anchor's day;</item>
/// <item>"<c>7d after</c>" / "<c>7d before</c>": the anchor plus or minus seven days.</item>
/// </list>
/// </summary>
public static class TimerSchedule
{
    /// <returns>The due instant, or null while the anchor is a mark not yet set: the timer waits for it.</returns>
    public static DateTimeOffset? DueAt(
        TimerExpression expression,
        Campaign? campaign,
        WorkflowInstance instance,
        IReadOnlyDictionary<string, DateTimeOffset> marks,
        WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(calendar);

        if (AnchorAt(expression, campaign, instance, marks) is not { } anchor)
        {
            return null;
        }

        if (expression.Count is not { } count)
        {
            return anchor;
        }

        // China keeps one offset all year, so a calendar day is 24 hours in UTC as in Beijing.
        return (expression.Unit, expression.Before) switch
        {
            (TimerUnit.Days, false) => anchor.AddDays(count),
            (TimerUnit.Days, true) => anchor.AddDays(-count),
            (TimerUnit.WorkingDays, false) => BeijingTime.StartOfDay(calendar.EndOfPeriod(BeijingTime.DateOf(anchor), count).AddDays(1)),
            _ => BeijingTime.StartOfDay(calendar.SubtractWorkingDays(BeijingTime.DateOf(anchor), count)),
        };
    }

    private static DateTimeOffset? AnchorAt(TimerExpression expression, Campaign? campaign, WorkflowInstance instance, IReadOnlyDictionary<string, DateTimeOffset> marks)
    {
        if (expression.MarkName is { } mark)
        {
            return WaitsForAMarkNotYetSet(marks, mark);
        }

        var stage = StageTimerNeedsACampaign(expression, campaign, instance).Stage(expression.AnchorName);
        return expression.AnchorKind == TimerAnchorKind.Open
            ? stage.OpensAt
            : OfficeExceptionMovesTheClosing(stage, instance);
    }

    /// <summary>A timer counted from a mark is planned only once the mark is set: until then it has no instant.</summary>
    private static DateTimeOffset? WaitsForAMarkNotYetSet(IReadOnlyDictionary<string, DateTimeOffset> marks, string mark) =>
        marks.TryGetValue(mark, out var at) ? at : null;

    /// <summary>A timer on a stage reads the campaign's timeline; an instance outside any campaign has none (a definition error).</summary>
    private static Campaign StageTimerNeedsACampaign(TimerExpression expression, Campaign? campaign, WorkflowInstance instance) =>
        campaign ?? throw new InvalidOperationException($"Timer '{expression}' needs a campaign's timeline, but instance {instance.Id} belongs to no campaign.");

    /// <summary>An office exception moves the case's closing out to its end, never in, and never the opening.</summary>
    private static DateTimeOffset OfficeExceptionMovesTheClosing(CampaignStage stage, WorkflowInstance instance) =>
        instance.ReopenedUntil is { } until && until > stage.ClosesAt ? until : stage.ClosesAt;
}

using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Workflows;

/// <summary>
/// Turns a timer's expression (<c>open:&lt;stage&gt;</c>, <c>close:&lt;stage&gt;</c>) into an
/// instant from the campaign's timeline. An office exception (<see cref="WorkflowInstance.ReopenedUntil"/>)
/// pushes a closing timer out to the exception's end.
/// </summary>
public static class TimerSchedule
{
    public const string OpenPrefix = "open:";
    public const string ClosePrefix = "close:";

    public static bool TryParse(string expression, out bool isClose, out string stageKey)
    {
        if (expression.StartsWith(OpenPrefix, StringComparison.Ordinal))
        {
            isClose = false;
            stageKey = expression[OpenPrefix.Length..];
            return true;
        }

        if (expression.StartsWith(ClosePrefix, StringComparison.Ordinal))
        {
            isClose = true;
            stageKey = expression[ClosePrefix.Length..];
            return true;
        }

        isClose = false;
        stageKey = string.Empty;
        return false;
    }

    public static string StageOf(string expression) =>
        TryParse(expression, out _, out var stage) ? stage : string.Empty;

    public static DateTimeOffset DueAt(string expression, Campaign campaign, WorkflowInstance instance)
    {
        if (!TryParse(expression, out var isClose, out var stageKey))
        {
            throw new DomainException($"无法识别的定时表达式“{expression}”。");
        }

        var stage = campaign.Stage(stageKey);
        if (!isClose)
        {
            return stage.OpensAt;
        }

        return instance.ReopenedUntil is { } until && until > stage.ClosesAt ? until : stage.ClosesAt;
    }
}

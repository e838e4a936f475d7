using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Campaigns;

/// <summary>The rules a timeline must keep, each with its Chinese message.</summary>
public static class TimelineRules
{
    /// <summary>
    /// Checks every stage: known key, all twelve present once, each window's close after its
    /// open, and stages in calendar order (neither opening nor closing before the previous).
    /// Returns every problem, keyed by stage, so a form can show them all at once.
    /// </summary>
    public static IReadOnlyList<(string StageKey, string Message)> Check(IReadOnlyList<StageWindow> stages)
    {
        var problems = new List<(string, string)>();
        foreach (var unknown in stages.Where(s => !StageKeys.IsKnown(s.Key)))
        {
            problems.Add((unknown.Key, $"未知的阶段“{unknown.Key}”。"));
        }

        foreach (var key in StageKeys.InOrder)
        {
            var count = stages.Count(s => s.Key == key);
            if (count == 0)
            {
                problems.Add((key, $"缺少阶段“{StageKeys.DefaultName(key)}”的时间安排。"));
            }
            else if (count > 1)
            {
                problems.Add((key, $"阶段“{StageKeys.DefaultName(key)}”重复出现。"));
            }
        }

        foreach (var stage in stages.Where(s => StageKeys.IsKnown(s.Key)))
        {
            if (string.IsNullOrWhiteSpace(stage.Name))
            {
                problems.Add((stage.Key, $"请填写阶段“{StageKeys.DefaultName(stage.Key)}”的名称。"));
            }

            if (stage.ClosesAt <= stage.OpensAt)
            {
                problems.Add((stage.Key, $"“{Name(stage)}”的结束时间必须晚于开始时间。"));
            }
        }

        var ordered = stages.Where(s => StageKeys.IsKnown(s.Key)).OrderBy(s => StageKeys.InOrder.IndexOf(s.Key)).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            var current = ordered[i];
            if (current.OpensAt < previous.OpensAt)
            {
                problems.Add((current.Key, $"“{Name(current)}”的开始时间（{BeijingTime.Format(current.OpensAt)}）不能早于上一阶段“{Name(previous)}”的开始时间（{BeijingTime.Format(previous.OpensAt)}）。"));
            }

            if (current.ClosesAt < previous.ClosesAt)
            {
                problems.Add((current.Key, $"“{Name(current)}”的结束时间不能早于上一阶段“{Name(previous)}”的结束时间（{BeijingTime.Format(previous.ClosesAt.AddSeconds(-1))}）。"));
            }
        }

        return problems;
    }

    public static void Ensure(IReadOnlyList<StageWindow> stages)
    {
        var problems = Check(stages);
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    private static string Name(StageWindow stage) => string.IsNullOrWhiteSpace(stage.Name) ? StageKeys.DefaultName(stage.Key) : stage.Name;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}

using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Campaigns;

/// <summary>The rules a timeline must keep against its stage catalogue, each with its Chinese message.</summary>
public static class TimelineRules
{
    /// <summary>
    /// Checks every stage: a key the catalogue declares, every catalogue stage present once,
    /// each window's close after its open, a stage <c>within</c> another inside that stage's
    /// window, and the other stages in calendar order (neither opening nor closing before the
    /// previous one). Returns every problem, keyed by stage, so a form can show them all at once.
    /// </summary>
    public static IReadOnlyList<(string StageKey, string Message)> Check(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue)
    {
        var problems = new List<(string, string)>();
        foreach (var unknown in stages.Where(s => !catalogue.Contains(s.Key)))
        {
            problems.Add((unknown.Key, $"未知的阶段“{unknown.Key}”。"));
        }

        foreach (var declared in catalogue.Stages)
        {
            var count = stages.Count(s => s.Key == declared.Key);
            if (count == 0)
            {
                problems.Add((declared.Key, $"缺少阶段“{declared.Name}”的时间安排。"));
            }
            else if (count > 1)
            {
                problems.Add((declared.Key, $"阶段“{declared.Name}”重复出现。"));
            }
        }

        var known = stages.Where(s => catalogue.Contains(s.Key)).ToList();
        foreach (var stage in known)
        {
            if (string.IsNullOrWhiteSpace(stage.Name))
            {
                problems.Add((stage.Key, $"请填写阶段“{catalogue.NameOf(stage.Key)}”的名称。"));
            }

            if (stage.ClosesAt <= stage.OpensAt)
            {
                problems.Add((stage.Key, $"“{Name(stage, catalogue)}”的结束时间必须晚于开始时间。"));
            }
        }

        CheckWithin(known, catalogue, problems);
        CheckCalendarOrder(known, catalogue, problems);
        return problems;
    }

    public static void Ensure(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue)
    {
        var problems = Check(stages, catalogue);
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    /// <summary>A stage declared <c>within</c> another opens no earlier and closes no later than that stage.</summary>
    private static void CheckWithin(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue, List<(string, string)> problems)
    {
        foreach (var stage in stages)
        {
            var parentKey = catalogue.Find(stage.Key)!.Within;
            if (parentKey is null || stages.Count(s => s.Key == parentKey) != 1)
            {
                continue;
            }

            var parent = stages.Single(s => s.Key == parentKey);
            if (stage.OpensAt < parent.OpensAt || stage.ClosesAt > parent.ClosesAt)
            {
                problems.Add((stage.Key, $"“{Name(stage, catalogue)}”（{Describe(stage)}）须在“{Name(parent, catalogue)}”的时间（{Describe(parent)}）之内。"));
            }
        }
    }

    /// <summary>Stages not <c>within</c> another neither open nor close before the previous such stage.</summary>
    private static void CheckCalendarOrder(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue, List<(string, string)> problems)
    {
        var ordered = stages
            .Where(s => catalogue.Find(s.Key)!.Within is null)
            .OrderBy(s => catalogue.OrderOf(s.Key))
            .ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            var current = ordered[i];
            if (current.OpensAt < previous.OpensAt)
            {
                problems.Add((current.Key, $"“{Name(current, catalogue)}”的开始时间（{BeijingTime.Format(current.OpensAt)}）不能早于上一阶段“{Name(previous, catalogue)}”的开始时间（{BeijingTime.Format(previous.OpensAt)}）。"));
            }

            if (current.ClosesAt < previous.ClosesAt)
            {
                problems.Add((current.Key, $"“{Name(current, catalogue)}”的结束时间不能早于上一阶段“{Name(previous, catalogue)}”的结束时间（{BeijingTime.Format(previous.ClosesAt.AddSeconds(-1))}）。"));
            }
        }
    }

    private static string Describe(StageWindow stage) =>
        $"{BeijingTime.Format(stage.OpensAt)} 至 {BeijingTime.Format(stage.ClosesAt.AddSeconds(-1))}";

    private static string Name(StageWindow stage, StageCatalogue catalogue) =>
        string.IsNullOrWhiteSpace(stage.Name) ? catalogue.NameOf(stage.Key) : stage.Name;
}

using TitleReview.Domain.Time;

namespace TitleReview.Domain.Campaigns;

/// <summary>The rules a timeline must keep against its stage catalogue, each with its Chinese message.</summary>
public static class TimelineRules
{
    /// <summary>
    /// Every problem of a timeline against its catalogue, keyed by stage, so a form can show them
    /// all at once: each named rule below in turn.
    /// </summary>
    public static IReadOnlyList<(string StageKey, string Message)> Check(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue)
    {
        var known = stages.Where(s => catalogue.Contains(s.Key)).ToList();
        return
        [
            .. EveryStageIsDeclared(stages, catalogue),
            .. EveryDeclaredStageAppearsOnce(stages, catalogue),
            .. EveryStageIsNamed(known, catalogue),
            .. EveryWindowClosesAfterItOpens(known, catalogue),
            .. StagesWithinLieInsideTheirParent(known, catalogue),
            .. StagesFollowTheCalendarOrder(known, catalogue),
        ];
    }

    /// <summary>A timeline names only stages its catalogue declares.</summary>
    public static IEnumerable<(string StageKey, string Message)> EveryStageIsDeclared(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue) =>
        stages.Where(s => !catalogue.Contains(s.Key)).Select(s => (s.Key, $"未知的阶段“{s.Key}”。"));

    /// <summary>Each declared stage has exactly one window.</summary>
    public static IEnumerable<(string StageKey, string Message)> EveryDeclaredStageAppearsOnce(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue)
    {
        foreach (var declared in catalogue.Stages)
        {
            var count = stages.Count(s => s.Key == declared.Key);
            if (count == 0)
            {
                yield return (declared.Key, $"缺少阶段“{declared.Name}”的时间安排。");
            }
            else if (count > 1)
            {
                yield return (declared.Key, $"阶段“{declared.Name}”重复出现。");
            }
        }
    }

    /// <summary>Each window carries the name the office's pages and notices show.</summary>
    public static IEnumerable<(string StageKey, string Message)> EveryStageIsNamed(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue) =>
        stages.Where(s => string.IsNullOrWhiteSpace(s.Name)).Select(s => (s.Key, $"请填写阶段“{catalogue.NameOf(s.Key)}”的名称。"));

    /// <summary>A window closes after it opens.</summary>
    public static IEnumerable<(string StageKey, string Message)> EveryWindowClosesAfterItOpens(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue) =>
        stages.Where(s => s.ClosesAt <= s.OpensAt).Select(s => (s.Key, $"“{Name(s, catalogue)}”的结束时间必须晚于开始时间。"));

    /// <summary>A stage declared <c>within</c> another opens no earlier and closes no later than that stage.</summary>
    public static IEnumerable<(string StageKey, string Message)> StagesWithinLieInsideTheirParent(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue)
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
                yield return (stage.Key, $"“{Name(stage, catalogue)}”（{Describe(stage)}）须在“{Name(parent, catalogue)}”的时间（{Describe(parent)}）之内。");
            }
        }
    }

    /// <summary>Stages not <c>within</c> another neither open nor close before the previous such stage.</summary>
    public static IEnumerable<(string StageKey, string Message)> StagesFollowTheCalendarOrder(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue)
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
                yield return (current.Key, $"“{Name(current, catalogue)}”的开始时间（{BeijingTime.Format(current.OpensAt)}）不能早于上一阶段“{Name(previous, catalogue)}”的开始时间（{BeijingTime.Format(previous.OpensAt)}）。");
            }

            if (current.ClosesAt < previous.ClosesAt)
            {
                yield return (current.Key, $"“{Name(current, catalogue)}”的结束时间不能早于上一阶段“{Name(previous, catalogue)}”的结束时间（{BeijingTime.Format(previous.ClosesAt.AddSeconds(-1))}）。");
            }
        }
    }

    private static string Describe(StageWindow stage) =>
        $"{BeijingTime.Format(stage.OpensAt)} 至 {BeijingTime.Format(stage.ClosesAt.AddSeconds(-1))}";

    private static string Name(StageWindow stage, StageCatalogue catalogue) =>
        string.IsNullOrWhiteSpace(stage.Name) ? catalogue.NameOf(stage.Key) : stage.Name;
}

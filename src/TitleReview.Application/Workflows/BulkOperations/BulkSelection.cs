using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>
/// Which instances a bulk operation acts on: those the monitor's filter finds, or, when
/// <see cref="InstanceIds"/> is given (even empty: nothing ticked), the ones ticked on its list.
/// The filter's definition says which triggers are offered.
/// </summary>
public sealed record BulkSelection(InstanceFilter Filter, IReadOnlyList<Guid>? InstanceIds = null)
{
    public bool IsTicked => InstanceIds is not null;
}

/// <summary>A trigger the office may fire on some of the selected instances, and on how many.</summary>
public sealed record BulkTriggerOption(string Trigger, string DisplayName, bool RequiresReason, bool RequiresUntil, int ApplicableCount);

public sealed record BulkStateCount(string State, string StateName, int Count);

internal sealed record BulkStateGroup(int Version, string State, int Count);

internal static class BulkSelections
{
    public const string SelectionField = "selection";

    /// <summary>Only the office acts on many instances at once; the system clock never through a person's request.</summary>
    public static void EnsureOffice(WorkflowActor actor)
    {
        if (actor.IsSystem)
        {
            throw new ForbiddenAccessException("系统操作只能由系统时钟执行，不能批量执行。");
        }

        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办可以批量操作流程实例。");
        }
    }

    public static WorkflowDefinition Latest(IWorkflowDefinitions definitions, string? definitionId)
    {
        if (string.IsNullOrWhiteSpace(definitionId) || !definitions.All.Any(d => d.DefinitionId == definitionId))
        {
            throw new ValidationException(
                "definitionId",
                $"请选择流程，可选：{string.Join("、", definitions.All.Select(d => d.DefinitionId).Distinct())}。");
        }

        return definitions.Latest(definitionId);
    }

    public static IReadOnlyList<Guid> TickedIds(BulkSelection selection) =>
        selection.InstanceIds?.Distinct().ToList() ?? [];

    public static IQueryable<WorkflowInstance> Query(IApplicationDbContext db, BulkSelection selection, DateTimeOffset now)
    {
        var instances = db.WorkflowInstances.AsNoTracking();
        if (selection.IsTicked)
        {
            var ids = TickedIds(selection);
            return instances.Where(i => ids.Contains(i.Id));
        }

        InstanceFilters.Validate(selection.Filter);
        return InstanceFilters.Apply(instances, selection.Filter, db, now);
    }

    /// <summary>How many selected instances of the definition stand in each state of each version.</summary>
    public static async Task<IReadOnlyList<BulkStateGroup>> GroupsAsync(IQueryable<WorkflowInstance> query, string definitionId, CancellationToken cancellationToken) =>
        (await query.Where(i => i.DefinitionId == definitionId)
            .GroupBy(i => new { i.DefinitionVersion, i.State })
            .Select(g => new { g.Key.DefinitionVersion, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .Select(g => new BulkStateGroup(g.DefinitionVersion, g.State, g.Count))
        .ToList();

    /// <summary>
    /// A transition a person may fire through the generic fire, one by one or in a batch: one of
    /// their roles, and no use case owns it (an operation has its own page, ADR 0015).
    /// </summary>
    public static bool MayFire(TransitionDefinition transition, WorkflowActor actor) =>
        !actor.IsSystem && transition.Operation is null && actor.HasAnyRole(transition.Roles);

    /// <summary>
    /// The triggers that lead out of the selected instances' states (each by its own definition
    /// version) and that the actor may fire, in the order the latest definition lists them.
    /// </summary>
    public static IReadOnlyList<BulkTriggerOption> TriggerOptions(
        IWorkflowDefinitions definitions,
        string definitionId,
        IReadOnlyList<BulkStateGroup> groups,
        WorkflowActor actor)
    {
        var latest = definitions.Latest(definitionId);
        var options = new Dictionary<string, BulkTriggerOption>(StringComparer.Ordinal);

        // Oldest version first, so a trigger is named as the newest version names it.
        foreach (var group in groups.OrderBy(g => g.Version))
        {
            var definition = definitions.Get(definitionId, group.Version);
            foreach (var transition in definition.TransitionsFrom(group.State).Where(t => MayFire(t, actor)).DistinctBy(t => t.Trigger))
            {
                options.TryGetValue(transition.Trigger, out var known);
                options[transition.Trigger] = new BulkTriggerOption(
                    transition.Trigger,
                    transition.DisplayName,
                    transition.RequiresReason || known?.RequiresReason == true,
                    transition.RequiresUntil || known?.RequiresUntil == true,
                    (known?.ApplicableCount ?? 0) + group.Count);
            }
        }

        var order = latest.Transitions.Select(t => t.Trigger).Distinct().ToList();
        return options.Values
            .OrderBy(o => order.IndexOf(o.Trigger) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(o => o.Trigger, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Why <paramref name="trigger"/> is not offered for the selection, as a field message.</summary>
    public static string WhyNotOffered(IWorkflowDefinitions definitions, string definitionId, string trigger, WorkflowActor actor)
    {
        var transitions = definitions.All
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .SelectMany(d => d.Transitions)
            .Where(t => t.Trigger == trigger)
            .ToList();
        if (transitions.Count == 0)
        {
            return $"“{trigger}”不是该流程的操作。";
        }

        var name = transitions[0].DisplayName;
        var byRole = transitions.Where(t => !actor.IsSystem && actor.HasAnyRole(t.Roles)).ToList();
        if (byRole.Count == 0)
        {
            return $"您的角色不能执行“{name}”。";
        }

        return byRole.All(t => t.Operation is not null)
            ? $"“{name}”须在{WorkflowOperations.Places[byRole[0].Operation!]}办理，不能批量执行。"
            : $"所选实例都不处于可以执行“{name}”的状态。";
    }

    public static IReadOnlyList<BulkStateCount> States(WorkflowDefinition latest, IReadOnlyList<BulkStateGroup> groups) =>
        groups.GroupBy(g => g.State)
            .Select(g => new BulkStateCount(g.Key, latest.StateDisplayName(g.Key), g.Sum(x => x.Count)))
            .OrderBy(s => latest.States.Select(x => x.Name).ToList().IndexOf(s.State) is var i and >= 0 ? i : int.MaxValue)
            .ToList();

    /// <summary>The selection in Chinese, as the batch keeps it: the filter's terms, or how many were ticked.</summary>
    public static async Task<string> DescribeAsync(
        IApplicationDbContext db,
        WorkflowDefinition latest,
        BulkSelection selection,
        int count,
        CancellationToken cancellationToken)
    {
        if (selection.IsTicked)
        {
            return $"{latest.Title}：勾选的 {count} 个实例";
        }

        var filter = selection.Filter;
        var terms = new List<string>();
        if (filter.Year is { } year)
        {
            terms.Add($"{year} 年度");
        }

        terms.Add(latest.Title);
        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            terms.Add($"状态：{latest.StateDisplayName(filter.State)}");
        }

        if (filter.Status is { } status)
        {
            terms.Add(status == WorkflowStatus.Running ? "运行中" : "已结束");
        }

        if (filter.UnitId is { } unitId)
        {
            var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
            terms.Add($"单位：{unitName ?? "（未知单位）"}");
        }

        if (!string.IsNullOrWhiteSpace(filter.Level))
        {
            terms.Add($"等级：{(Enum.TryParse<TitleLevel>(filter.Level, out var level) ? TitleLevels.DisplayName(level) : filter.Level)}");
        }

        if (filter.HasIncidents is { } incidents)
        {
            terms.Add(incidents ? "有未处理异常" : "无未处理异常");
        }

        if (filter.WaitingLongerThanDays is { } days and > 0)
        {
            terms.Add($"停留超过 {days} 天");
        }

        return $"{string.Join(" · ", terms)}：符合条件的 {count} 个实例";
    }
}

using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Monitor;

/// <summary>The monitor's filters: which instances the list shows and a bulk action selects.</summary>
public sealed record InstanceFilter(
    int? Year = null,
    string? DefinitionId = null,
    string? State = null,
    WorkflowStatus? Status = null,
    Guid? UnitId = null,
    string? Level = null,
    bool? HasIncidents = null,
    int? WaitingLongerThanDays = null)
{
    /// <summary>Ten years: far beyond any instance's life, and far from the calendar's end.</summary>
    public const int MaxWaitingDays = 3650;
}

internal static class InstanceFilters
{
    public static void Validate(InstanceFilter filter)
    {
        if (filter.WaitingLongerThanDays is > InstanceFilter.MaxWaitingDays)
        {
            throw new ValidationException("waitingLongerThanDays", $"停留天数须为 0 到 {InstanceFilter.MaxWaitingDays} 之间的整数。");
        }
    }

    public static IQueryable<WorkflowInstance> Apply(IQueryable<WorkflowInstance> query, InstanceFilter filter, IApplicationDbContext db, DateTimeOffset now)
    {
        return filter.Year is { } year
            ? ApplyExceptYear(MonitorYear.Of(db, query, year), filter, db, now)
            : ApplyExceptYear(query, filter, db, now);
    }

    /// <summary>Every filter but the year, which the monitor's own queries split in two parts (<see cref="MonitorYearParts"/>).</summary>
    public static IQueryable<WorkflowInstance> ApplyExceptYear(IQueryable<WorkflowInstance> query, InstanceFilter filter, IApplicationDbContext db, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(filter.DefinitionId))
        {
            query = query.Where(i => i.DefinitionId == filter.DefinitionId);
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            query = query.Where(i => i.State == filter.State);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(i => i.UnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Level))
        {
            query = query.Where(i => i.Level == filter.Level);
        }

        if (filter.HasIncidents is { } hasIncidents)
        {
            query = hasIncidents
                ? query.Where(i => db.WorkflowIncidents.Any(x => x.InstanceId == i.Id && x.ResolvedAt == null))
                : query.Where(i => !db.WorkflowIncidents.Any(x => x.InstanceId == i.Id && x.ResolvedAt == null));
        }

        if (filter.WaitingLongerThanDays is { } days and > 0)
        {
            var enteredBefore = now.AddDays(-days);
            query = query.Where(i => i.Status == WorkflowStatus.Running && i.StateEnteredAt < enteredBefore);
        }

        return query;
    }
}

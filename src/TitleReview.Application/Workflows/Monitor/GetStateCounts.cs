using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Monitor;

/// <summary>How many instances of a definition stand in each state, for one campaign year.</summary>
public sealed record GetStateCounts(int Year, string DefinitionId);

public sealed record StateCount(string State, string StateName, bool Final, int Count);

public sealed record StateCountsDto(int Year, string DefinitionId, string DefinitionTitle, IReadOnlyList<StateCount> States, int Running, int Finished, int Faulted);

internal sealed class GetStateCountsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions)
    : IHandler<GetStateCounts, StateCountsDto>
{
    public async Task<StateCountsDto> HandleAsync(GetStateCounts request, CancellationToken cancellationToken = default)
    {
        if (!definitions.All.Any(d => d.DefinitionId == request.DefinitionId))
        {
            throw new ValidationException(
                "definitionId",
                $"没有名为“{request.DefinitionId}”的流程，可选：{string.Join("、", definitions.All.Select(d => d.DefinitionId).Distinct())}。");
        }

        var latest = definitions.Latest(request.DefinitionId);
        var year = await MonitorYearParts.ResolveAsync(db, request.Year, cancellationToken);
        var instances = db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == request.DefinitionId);

        // One command, each part grouped along the counts index in its order (ADR 0027); the
        // totals per state and per status are added up here from their few rows.
        var groups = await Grouped(year.OfCampaign(instances))
            .Concat(Grouped(year.WithoutCampaign(instances)))
            .ToListAsync(cancellationToken);
        var byState = groups
            .GroupBy(g => g.State)
            .Select(g => new { State = g.Key, Count = g.Sum(x => x.Count) })
            .OrderBy(g => g.State, StringComparer.Ordinal)
            .ToList();
        var running = groups.Where(g => g.Status == WorkflowStatus.Running).Sum(g => g.Count);
        var faulted = groups.Where(g => g.SubStatus == WorkflowSubStatus.Faulted).Sum(g => g.Count);
        var finished = groups.Where(g => g.Status == WorkflowStatus.Finished).Sum(g => g.Count);

        // Every state of the latest version, in definition order, even when empty; then any
        // state only older versions have.
        var rows = latest.States
            .Select(s => new StateCount(s.Name, s.DisplayName, s.Final, byState.FirstOrDefault(b => b.State == s.Name)?.Count ?? 0))
            .Concat(byState.Where(b => !latest.HasState(b.State)).Select(b => new StateCount(b.State, b.State, false, b.Count)))
            .ToList();
        return new StateCountsDto(request.Year, request.DefinitionId, latest.Title, rows, running, finished, faulted);
    }

    private static IQueryable<StateGroup> Grouped(IQueryable<WorkflowInstance> instances) =>
        instances
            .GroupBy(i => new { i.State, i.Status, i.SubStatus })
            .Select(g => new StateGroup { State = g.Key.State, Status = g.Key.Status, SubStatus = g.Key.SubStatus, Count = g.Count() });

    private sealed class StateGroup
    {
        public required string State { get; init; }

        public required WorkflowStatus Status { get; init; }

        public required WorkflowSubStatus SubStatus { get; init; }

        public required int Count { get; init; }
    }
}

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
        var instances = MonitorYear.Of(db, db.WorkflowInstances.AsNoTracking(), request.Year)
            .Where(i => i.DefinitionId == request.DefinitionId);

        var byState = await instances
            .GroupBy(i => i.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var running = await instances.CountAsync(i => i.Status == WorkflowStatus.Running, cancellationToken);
        var faulted = await instances.CountAsync(i => i.SubStatus == WorkflowSubStatus.Faulted, cancellationToken);
        var finished = await instances.CountAsync(i => i.Status == WorkflowStatus.Finished, cancellationToken);

        // Every state of the latest version, in definition order, even when empty; then any
        // state only older versions have.
        var rows = latest.States
            .Select(s => new StateCount(s.Name, s.DisplayName, s.Final, byState.FirstOrDefault(b => b.State == s.Name)?.Count ?? 0))
            .Concat(byState.Where(b => !latest.HasState(b.State)).Select(b => new StateCount(b.State, b.State, false, b.Count)))
            .ToList();
        return new StateCountsDto(request.Year, request.DefinitionId, latest.Title, rows, running, finished, faulted);
    }
}

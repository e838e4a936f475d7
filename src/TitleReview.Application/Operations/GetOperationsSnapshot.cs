using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Operations;

/// <summary>
/// What the operators' metrics read at each scrape (ADR 0061): the timers due now and not yet
/// fired, and the workflow incidents still open. For the office's readers and the system (the
/// metrics exporter asks as <see cref="MetricsActor"/> after its own endpoint admitted the caller).
/// </summary>
public sealed record GetOperationsSnapshot(WorkflowActor Actor)
{
    /// <summary>The metrics exporter, asking on behalf of whoever its endpoint admitted.</summary>
    public static readonly WorkflowActor MetricsActor = new("system:metrics", "监控指标采集", [WorkflowActor.SystemRole]);
}

public sealed record OperationsSnapshot(int TimersDue, int IncidentsOpen);

internal sealed class GetOperationsSnapshotHandler(IApplicationDbContext db, TimeProvider clock)
    : IHandler<GetOperationsSnapshot, OperationsSnapshot>
{
    public async Task<OperationsSnapshot> HandleAsync(GetOperationsSnapshot request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.IsSystem)
        {
            OfficeReaders.Require(request.Actor);
        }

        var now = clock.GetUtcNow();
        var due = await db.WorkflowBookmarks.AsNoTracking()
            .CountAsync(b => b.Status == BookmarkStatus.Pending && b.DueAt <= now, cancellationToken);
        var open = await db.WorkflowIncidents.AsNoTracking()
            .CountAsync(x => x.ResolvedAt == null, cancellationToken);
        return new OperationsSnapshot(due, open);
    }
}

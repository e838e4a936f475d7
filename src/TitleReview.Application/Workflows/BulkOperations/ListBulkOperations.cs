using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;

namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>The batches, newest first.</summary>
public sealed record ListBulkOperations(WorkflowActor Actor, int? Page = null, int? PageSize = null);

public sealed record BulkOperationSummary(
    Guid Id,
    string TriggerName,
    string Selection,
    string ActorName,
    int Total,
    int Processed,
    int Fired,
    int Refused,
    BulkOperationStatus Status,
    string StatusName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

internal sealed class ListBulkOperationsHandler(IApplicationDbContext db) : IHandler<ListBulkOperations, PagedList<BulkOperationSummary>>
{
    public async Task<PagedList<BulkOperationSummary>> HandleAsync(ListBulkOperations request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var (page, pageSize) = Paging.Normalize(request.Page, request.PageSize);
        var total = await db.BulkOperations.CountAsync(cancellationToken);
        var rows = await db.BulkOperations.AsNoTracking()
            .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<BulkOperationSummary>(
            rows.Select(o => new BulkOperationSummary(
                o.Id, o.TriggerName, o.Selection, o.ActorName, o.Total, o.Processed, o.Fired, o.Refused, o.Status, BulkOperationText.Describe(o.Status), o.CreatedAt, o.FinishedAt)).ToList(),
            page,
            pageSize,
            total);
    }
}

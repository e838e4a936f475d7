using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;

namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>A batch's progress and its items' outcomes (a page of them, optionally of one outcome).</summary>
public sealed record GetBulkOperation(Guid Id, WorkflowActor Actor, BulkItemOutcome? Outcome = null, int? Page = null, int? PageSize = null);

public sealed record BulkOperationItemDto(
    int Sequence,
    Guid InstanceId,
    string SubjectTitle,
    BulkItemOutcome Outcome,
    string OutcomeName,
    string? Message,
    DateTimeOffset? ProcessedAt);

public sealed record BulkOperationDto(
    Guid Id,
    string DefinitionId,
    string DefinitionTitle,
    string Trigger,
    string TriggerName,
    string? Reason,
    DateTimeOffset? Until,
    string ActorName,
    string Selection,
    int Total,
    int Processed,
    int Fired,
    int Refused,
    BulkOperationStatus Status,
    string StatusName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    BulkItemOutcome? Outcome,
    PagedList<BulkOperationItemDto> Items)
{
    public bool IsCompleted => Status == BulkOperationStatus.Completed;
}

public static class BulkOperationText
{
    public static string Describe(BulkOperationStatus status) => status switch
    {
        BulkOperationStatus.Pending => "等待执行",
        BulkOperationStatus.Running => "执行中",
        _ => "已完成",
    };

    public static string Describe(BulkItemOutcome outcome) => outcome switch
    {
        BulkItemOutcome.Pending => "待处理",
        BulkItemOutcome.Fired => "已执行",
        _ => "未执行",
    };
}

internal sealed class GetBulkOperationHandler(IApplicationDbContext db, IWorkflowDefinitions definitions)
    : IHandler<GetBulkOperation, BulkOperationDto>
{
    public async Task<BulkOperationDto> HandleAsync(GetBulkOperation request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var operation = await db.BulkOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("该批量操作");

        // Counted from the items rather than read from the batch, which the job updates once a chunk.
        var counts = await db.BulkOperationItems.AsNoTracking()
            .Where(i => i.OperationId == operation.Id)
            .GroupBy(i => i.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var fired = counts.Where(c => c.Outcome == BulkItemOutcome.Fired).Sum(c => c.Count);
        var refused = counts.Where(c => c.Outcome == BulkItemOutcome.Refused).Sum(c => c.Count);

        var (page, pageSize) = Paging.Normalize(request.Page, request.PageSize);
        var items = db.BulkOperationItems.AsNoTracking().Where(i => i.OperationId == operation.Id);
        if (request.Outcome is { } outcome)
        {
            items = items.Where(i => i.Outcome == outcome);
        }

        var total = await items.CountAsync(cancellationToken);
        var rows = await items.OrderBy(i => i.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);

        return new BulkOperationDto(
            operation.Id,
            operation.DefinitionId,
            definitions.All.Any(d => d.DefinitionId == operation.DefinitionId) ? definitions.Latest(operation.DefinitionId).Title : operation.DefinitionId,
            operation.Trigger,
            operation.TriggerName,
            operation.Reason,
            operation.Until,
            operation.ActorName,
            operation.Selection,
            operation.Total,
            fired + refused,
            fired,
            refused,
            operation.Status,
            BulkOperationText.Describe(operation.Status),
            operation.CreatedAt,
            operation.StartedAt,
            operation.FinishedAt,
            request.Outcome,
            new PagedList<BulkOperationItemDto>(
                rows.Select(i => new BulkOperationItemDto(i.Sequence, i.InstanceId, i.SubjectTitle, i.Outcome, BulkOperationText.Describe(i.Outcome), i.Message, i.ProcessedAt)).ToList(),
                page,
                pageSize,
                total));
    }
}

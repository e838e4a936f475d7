using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;

namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>What a bulk operation on a selection would act on, and the triggers it may fire there.</summary>
public sealed record PrepareBulkOperation(BulkSelection Selection, WorkflowActor Actor);

public sealed record BulkOperationPreview(
    string DefinitionId,
    string DefinitionTitle,
    string Selection,
    int Count,
    int MaxCount,
    IReadOnlyList<BulkStateCount> States,
    IReadOnlyList<BulkTriggerOption> Triggers);

internal sealed class PrepareBulkOperationHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<PrepareBulkOperation, BulkOperationPreview>
{
    public async Task<BulkOperationPreview> HandleAsync(PrepareBulkOperation request, CancellationToken cancellationToken = default)
    {
        BulkSelections.EnsureOffice(request.Actor);
        var latest = BulkSelections.Latest(definitions, request.Selection.Filter.DefinitionId);
        var query = BulkSelections.Query(db, request.Selection, clock.GetUtcNow());
        var count = request.Selection.IsTicked
            ? BulkSelections.TickedIds(request.Selection).Count
            : await query.CountAsync(cancellationToken);
        var groups = await BulkSelections.GroupsAsync(query, latest.DefinitionId, cancellationToken);

        return new BulkOperationPreview(
            latest.DefinitionId,
            latest.Title,
            await BulkSelections.DescribeAsync(db, latest, request.Selection, count, cancellationToken),
            count,
            BulkOperation.MaxItems,
            BulkSelections.States(latest, groups),
            BulkSelections.TriggerOptions(definitions, latest.DefinitionId, groups, request.Actor));
    }
}

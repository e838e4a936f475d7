using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;

namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>
/// The office fires one trigger, with one reason (and the "until" of a reopening), on every
/// selected instance. The selection is frozen now; a background job does the firing.
/// </summary>
public sealed record CreateBulkOperation(
    BulkSelection Selection,
    string? Trigger,
    string? Reason,
    DateTimeOffset? Until,
    WorkflowActor Actor);

internal sealed class CreateBulkOperationHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IBulkOperationQueue queue,
    TimeProvider clock) : IHandler<CreateBulkOperation, Guid>
{
    private const string MissingTitle = "（未找到的流程实例）";

    public async Task<Guid> HandleAsync(CreateBulkOperation request, CancellationToken cancellationToken = default)
    {
        BulkSelections.EnsureOffice(request.Actor);
        var latest = BulkSelections.Latest(definitions, request.Selection.Filter.DefinitionId);
        var now = clock.GetUtcNow();
        var query = BulkSelections.Query(db, request.Selection, now);
        var ticked = BulkSelections.TickedIds(request.Selection);
        var count = request.Selection.IsTicked ? ticked.Count : await query.CountAsync(cancellationToken);

        var validation = new Validation();
        var noneSelected = new BulkOperationSelectsInstancesRule(count);
        var tooMany = new BulkOperationSizeLimitRule(count);
        validation.Require(!noneSelected.IsBroken(), BulkSelections.SelectionField, noneSelected.Message);
        validation.Require(!tooMany.IsBroken(), BulkSelections.SelectionField, tooMany.Message);

        var trigger = request.Trigger?.Trim();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        BulkTriggerOption? option = null;
        if (string.IsNullOrEmpty(trigger))
        {
            validation.Add("trigger", "请选择要执行的操作。");
        }
        else if (validation.IsValid)
        {
            var groups = await BulkSelections.GroupsAsync(query, latest.DefinitionId, cancellationToken);
            option = BulkSelections.TriggerOptions(definitions, latest.DefinitionId, groups, request.Actor).FirstOrDefault(o => o.Trigger == trigger);
            if (option is null)
            {
                validation.Add("trigger", BulkSelections.WhyNotOffered(definitions, latest.DefinitionId, trigger, request.Actor));
            }
        }

        if (option is not null)
        {
            validation.Require(!option.RequiresReason || reason is not null, "reason", $"请填写“{option.DisplayName}”的原因。");
            if (option.RequiresUntil)
            {
                validation.Require(request.Until is not null, "until", "请填写特例开放的截止时间。");
                validation.Require(request.Until is null || request.Until > now, "until", "特例开放的截止时间必须晚于当前时间。");
            }
        }

        validation.Require(reason is null || reason.Length <= WorkflowJournalEntry.MaxReasonLength, "reason", $"原因不能超过 {WorkflowJournalEntry.MaxReasonLength} 个字。");
        validation.ThrowIfInvalid();

        var instances = await FreezeAsync(query, request.Selection.IsTicked, ticked, cancellationToken);
        var operation = BulkOperation.Create(
            Guid.NewGuid(),
            latest.DefinitionId,
            option!.Trigger,
            option.DisplayName,
            reason,
            option.RequiresUntil ? request.Until : null,
            request.Actor,
            await BulkSelections.DescribeAsync(db, latest, request.Selection, instances.Count, cancellationToken),
            instances,
            now);
        db.BulkOperations.Add(operation);
        await db.SaveChangesAsync(cancellationToken);

        queue.Enqueue(operation.Id);
        return operation.Id;
    }

    /// <summary>
    /// The instances as they stand now, in the monitor's order (ticked ones in the order ticked).
    /// A ticked id that names no instance is kept: its item will say it was not found.
    /// </summary>
    private static async Task<IReadOnlyList<BulkSelectedInstance>> FreezeAsync(
        IQueryable<WorkflowInstance> query,
        bool isTicked,
        IReadOnlyList<Guid> ticked,
        CancellationToken cancellationToken)
    {
        if (isTicked)
        {
            var titles = await query.Select(i => new { i.Id, i.SubjectTitle }).ToDictionaryAsync(i => i.Id, i => i.SubjectTitle, cancellationToken);
            return ticked.Select(id => new BulkSelectedInstance(id, titles.GetValueOrDefault(id) ?? MissingTitle)).ToList();
        }

        return (await query
                .OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id)
                .Select(i => new { i.Id, i.SubjectTitle })
                .ToListAsync(cancellationToken))
            .Select(i => new BulkSelectedInstance(i.Id, i.SubjectTitle))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;

namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>Fires a batch's items; what the background job runs.</summary>
public interface IBulkOperationRunner
{
    /// <summary>
    /// Fires every item still without an outcome, in order, each in its own scope and transaction,
    /// and updates the batch's progress after every chunk. Safe to run again after a crash or
    /// while another run is going: an item's outcome is saved with its fire, and an item that
    /// already has one is skipped.
    /// </summary>
    Task RunAsync(Guid operationId, CancellationToken cancellationToken = default);
}

internal sealed class BulkOperationRunner(
    IServiceScopeFactory scopes,
    IWorkflowDefinitions definitions,
    TimeProvider clock,
    ILogger<BulkOperationRunner> logger) : IBulkOperationRunner
{
    /// <summary>How many items are fired between two progress updates.</summary>
    internal const int ChunkSize = 50;

    internal const string ConflictReason = "该实例正在被他人同时办理，重试一次后仍然冲突，未执行。请稍后单独处理。";

    public async Task RunAsync(Guid operationId, CancellationToken cancellationToken = default)
    {
        var operation = await StartAsync(operationId, cancellationToken);
        if (operation is null)
        {
            return;
        }

        var lastSequence = 0;
        while (true)
        {
            var chunk = await PendingItemsAsync(operationId, lastSequence, cancellationToken);
            if (chunk.Count == 0)
            {
                break;
            }

            foreach (var item in chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await ProcessAsync(operation, item.Id, cancellationToken);
                lastSequence = item.Sequence;
            }

            await RecordProgressAsync(operationId, cancellationToken);
        }

        await RecordProgressAsync(operationId, cancellationToken);
    }

    private async Task<BulkOperation?> StartAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var operation = await db.BulkOperations.FirstOrDefaultAsync(o => o.Id == operationId, cancellationToken);
        if (operation is null)
        {
            logger.LogWarning("Bulk operation {OperationId} does not exist", operationId);
            return null;
        }

        if (operation.IsCompleted)
        {
            return null;
        }

        operation.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return operation;
    }

    private async Task<IReadOnlyList<(long Id, int Sequence)>> PendingItemsAsync(Guid operationId, int afterSequence, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var rows = await db.BulkOperationItems.AsNoTracking()
            .Where(i => i.OperationId == operationId && i.Outcome == BulkItemOutcome.Pending && i.Sequence > afterSequence)
            .OrderBy(i => i.Sequence)
            .Take(ChunkSize)
            .Select(i => new { i.Id, i.Sequence })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Sequence)).ToList();
    }

    /// <summary>
    /// Fires one item through the generic fire (the same path as the monitor's button), with the
    /// item marked fired in the same transaction. A concurrency conflict is tried once more;
    /// any refusal is recorded with its Chinese reason.
    /// </summary>
    private async Task ProcessAsync(BulkOperation operation, long itemId, CancellationToken cancellationToken)
    {
        string? refusal = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            var item = await db.BulkOperationItems.FirstAsync(i => i.Id == itemId, cancellationToken);
            if (item.IsProcessed)
            {
                return;
            }

            var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == item.InstanceId, cancellationToken);
            var from = instance is null ? null : definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State);
            item.RecordFired($"已执行（原状态：{from}）", clock.GetUtcNow());
            try
            {
                var fire = scope.ServiceProvider.GetRequiredService<IHandler<FireTrigger.FireTrigger, FireResult>>();
                var result = await fire.HandleAsync(
                    new FireTrigger.FireTrigger(item.InstanceId, operation.Trigger, operation.Actor, operation.Reason, operation.Until, instance?.ConcurrencyToken),
                    cancellationToken);

                // The outcome is already saved with the fire; this only names where the instance went.
                var definition = definitions.Get(instance!.DefinitionId, instance.DefinitionVersion);
                item.DescribeFire($"{definition.StateDisplayName(result.FromState)} → {definition.StateDisplayName(result.ToState)}");
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt == 1)
            {
                logger.LogInformation("Bulk operation {OperationId}: instance {InstanceId} changed meanwhile, trying once more", operation.Id, item.InstanceId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                refusal = ReasonOf(ex);
                if (refusal is null)
                {
                    logger.LogWarning(ex, "Bulk operation {OperationId}: instance {InstanceId} could not be fired", operation.Id, item.InstanceId);
                    refusal = $"执行时出错：{ex.Message}";
                }

                break;
            }
        }

        await RecordRefusedAsync(itemId, refusal ?? ConflictReason, cancellationToken);
    }

    /// <summary>The Chinese reason of a refusal the fire states; null for an unexpected failure.</summary>
    private static string? ReasonOf(Exception ex) => ex switch
    {
        ValidationException validation => string.Join(" ", validation.Errors.SelectMany(e => e.Value)),
        ConcurrencyConflictException => ConflictReason,
        DomainException or BusinessRuleViolationException or ForbiddenAccessException or NotFoundException => ex.Message,
        _ => null,
    };

    private async Task RecordRefusedAsync(long itemId, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var item = await db.BulkOperationItems.FirstAsync(i => i.Id == itemId, cancellationToken);
        if (item.IsProcessed)
        {
            return;
        }

        item.RecordRefused(reason, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run of the same batch recorded this item first; its outcome stands.
        }
    }

    private async Task RecordProgressAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var counts = await db.BulkOperationItems.AsNoTracking()
            .Where(i => i.OperationId == operationId)
            .GroupBy(i => i.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var operation = await db.BulkOperations.FirstAsync(o => o.Id == operationId, cancellationToken);
        operation.RecordProgress(
            counts.Where(c => c.Outcome == BulkItemOutcome.Fired).Sum(c => c.Count),
            counts.Where(c => c.Outcome == BulkItemOutcome.Refused).Sum(c => c.Count),
            clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}

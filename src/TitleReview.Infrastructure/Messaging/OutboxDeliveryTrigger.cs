using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using TitleReview.Domain.Messaging;

namespace TitleReview.Infrastructure.Messaging;

/// <summary>
/// Starts a delivery run as soon as messages are committed, so a reset code arrives in seconds
/// rather than at the next minute's run. One per unit of work (scoped).
/// </summary>
internal sealed class OutboxDeliveryTrigger(IBackgroundJobClient jobs, IOptions<MessagingOptions> options)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _queued;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        TriggerOutsideTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        TriggerOutsideTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Trigger();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Trigger();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _queued = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _queued = false;
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboundMessage>().Any(e => e.State == EntityState.Added))
        {
            _queued = true;
        }
    }

    private void TriggerOutsideTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Trigger();
        }
    }

    private void Trigger()
    {
        if (!_queued)
        {
            return;
        }

        _queued = false;
        if (options.Value.AutoDeliver)
        {
            jobs.Enqueue<MessageDeliveryJob>(job => job.RunAsync(CancellationToken.None));
        }
    }
}

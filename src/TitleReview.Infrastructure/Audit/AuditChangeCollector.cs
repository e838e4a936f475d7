using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Security;

namespace TitleReview.Infrastructure.Audit;

/// <summary>
/// Tells the scope's audit context which kinds of record each save of the unit of work adds,
/// changes or deletes, so that a command's audit row can say what changed (ADR 0053). Scoped.
/// </summary>
internal sealed class AuditChangeCollector(AuditScope scope) : SaveChangesInterceptor
{
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

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && !e.Metadata.IsOwned()
                && e.Entity is not AuditEntry)
            .GroupBy(e => e.Metadata.ClrType.Name);
        foreach (var group in changed)
        {
            scope.NoteChange(
                group.Key,
                group.Count(e => e.State == EntityState.Added),
                group.Count(e => e.State == EntityState.Modified),
                group.Count(e => e.State == EntityState.Deleted));
        }
    }
}

using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Saves a clock batch in one transaction with a few set-based statements where EF would send
/// one command per row (the SQLite provider does not batch): instances that moved alike are
/// updated together, under their concurrency tokens; fired and cancelled timers are completed
/// together, if still pending. Whatever else the transitions changed (new timers, incidents,
/// actions' rows, an instance changed in another way) is saved by EF as usual in the same
/// transaction. Any instance or timer changed by somebody else since the batch loaded it
/// makes the whole batch fail with <see cref="ConcurrencyConflictException"/>.
/// </summary>
internal static class WorkflowBatchWriter
{
    /// <summary>
    /// Journal rows per INSERT. SQLite looks a named parameter up by scanning the statement's
    /// names, so binding grows with the square of the parameters: many short INSERTs beat a few
    /// long ones (and SQL Server takes at most 2,100 parameters anyway).
    /// </summary>
    private const int JournalRowsPerInsert = 50;

    /// <summary>What a transition changes on an instance; anything else goes through EF row by row.</summary>
    private static readonly HashSet<string> MovedProperties =
    [
        nameof(WorkflowInstance.State),
        nameof(WorkflowInstance.Status),
        nameof(WorkflowInstance.SubStatus),
        nameof(WorkflowInstance.StateEnteredAt),
        nameof(WorkflowInstance.FinishedAt),
        nameof(WorkflowInstance.UpdatedAt),
        nameof(WorkflowInstance.ConcurrencyToken),
    ];

    private static readonly HashSet<string> CompletedProperties =
    [
        nameof(WorkflowBookmark.Status),
        nameof(WorkflowBookmark.CompletedAt),
    ];

    public static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // One scan for changes here; every Entries() and the save would otherwise scan again.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await UpdateMovedInstancesAsync(db, cancellationToken);
            await CompleteBookmarksAsync(db, cancellationToken);
            await InsertJournalAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(inner: ex);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpdateMovedInstancesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(typeof(WorkflowInstance))!;
        var others = Except(type, MovedProperties);
        var tokenProperty = type.FindProperty(nameof(WorkflowInstance.ConcurrencyToken))!;
        var moved = db.ChangeTracker.Entries<WorkflowInstance>()
            .Where(e => e.State == EntityState.Modified && NoneModified(e, others))
            .GroupBy(e => (e.Entity.State, e.Entity.Status, e.Entity.SubStatus, e.Entity.StateEnteredAt, e.Entity.FinishedAt, e.Entity.UpdatedAt));
        foreach (var group in moved)
        {
            var entries = group.ToList();
            var ids = entries.Select(e => e.Entity.Id).ToList();

            // Tokens are random: a row whose token is one of those loaded still has its own.
            var tokens = entries.Select(e => (Guid)e.Property(tokenProperty).OriginalValue!).ToList();
            var (state, status, subStatus, enteredAt, finishedAt, updatedAt) = group.Key;

            // One new token for the rows moved together: a token is only ever compared with its own row's.
            var token = Guid.NewGuid();
            var updated = await db.WorkflowInstances
                .Where(i => EF.Parameter(ids).Contains(i.Id) && EF.Parameter(tokens).Contains(i.ConcurrencyToken))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(i => i.State, state)
                        .SetProperty(i => i.Status, status)
                        .SetProperty(i => i.SubStatus, subStatus)
                        .SetProperty(i => i.StateEnteredAt, enteredAt)
                        .SetProperty(i => i.FinishedAt, finishedAt)
                        .SetProperty(i => i.UpdatedAt, updatedAt)
                        .SetProperty(i => i.ConcurrencyToken, token),
                    cancellationToken);
            if (updated != ids.Count)
            {
                throw new ConcurrencyConflictException();
            }

            // Saved, but still tracked: detaching an instance would take its new timers and
            // incidents, still to be saved, out of the unit of work with it.
            foreach (var entry in entries)
            {
                entry.State = EntityState.Unchanged;
            }
        }
    }

    private static async Task CompleteBookmarksAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(typeof(WorkflowBookmark))!;
        var others = Except(type, CompletedProperties);
        var statusProperty = type.FindProperty(nameof(WorkflowBookmark.Status))!;
        var completed = db.ChangeTracker.Entries<WorkflowBookmark>()
            .Where(e => e.State == EntityState.Modified
                        && e.Property(statusProperty).OriginalValue is BookmarkStatus.Pending
                        && NoneModified(e, others))
            .GroupBy(e => (e.Entity.Status, e.Entity.CompletedAt));
        foreach (var group in completed)
        {
            var entries = group.ToList();
            var ids = entries.Select(e => e.Entity.Id).ToList();
            var (status, completedAt) = group.Key;

            // Still pending is asked as "not completed" (the two go together, see WorkflowBookmark):
            // asked by status, SQLite would walk every pending timer through the status index.
            var updated = await db.WorkflowBookmarks
                .Where(b => EF.Parameter(ids).Contains(b.Id) && b.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, status).SetProperty(b => b.CompletedAt, completedAt), cancellationToken);
            if (updated != ids.Count)
            {
                throw new ConcurrencyConflictException();
            }

            Forget(entries);
        }
    }

    /// <summary>
    /// The journal rows, several to an INSERT through one command whose statement the provider
    /// prepares once, with the columns, value conversions and parameter types of the EF model.
    /// Nothing reads their generated ids back.
    /// </summary>
    private static async Task InsertJournalAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<WorkflowJournalEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(WorkflowJournalEntry))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? command = null;
        try
        {
            foreach (var rows in added.Chunk(JournalRowsPerInsert))
            {
                if (command is null || command.Parameters.Count != rows.Length * columns.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = InsertText(sql, table, columns, rows.Length);
                }

                command.Parameters.Clear();
                for (var r = 0; r < rows.Length; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var column = columns[c];
                        command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(
                            command,
                            sql.GenerateParameterName($"p{(r * columns.Count) + c}"),
                            rows[r].Property(column.Name).CurrentValue,
                            column.IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        Forget(added);
    }

    private static string InsertText(ISqlGenerationHelper sql, StoreObjectIdentifier table, IReadOnlyList<IProperty> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))
            .Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (")
                .AppendJoin(", ", columns.Select((_, c) => sql.GenerateParameterNamePlaceholder($"p{(r * columns.Count) + c}")))
                .Append(')');
        }

        return text.ToString();
    }

    /// <summary>
    /// Rows written here (timers and journal rows, which nothing depends on) are no longer the
    /// unit of work's to save; the batch's scope ends with the save.
    /// </summary>
    private static void Forget<T>(IEnumerable<EntityEntry<T>> entries)
        where T : class
    {
        foreach (var entry in entries)
        {
            entry.State = EntityState.Detached;
        }
    }

    private static List<IProperty> Except(IEntityType type, HashSet<string> names) =>
        type.GetProperties().Where(p => !names.Contains(p.Name)).ToList();

    private static bool NoneModified(EntityEntry entry, List<IProperty> properties)
    {
        foreach (var property in properties)
        {
            if (entry.Property(property).IsModified)
            {
                return false;
            }
        }

        return true;
    }
}

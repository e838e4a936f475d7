using System.Data;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Audit;

/// <summary>
/// Appends audit rows to the chain (ADR 0053) on the unit of work's connection, in SQL of its own
/// (through EF, so the query budgets count it) and never through the change tracker, so that an
/// append costs two commands whatever the unit of work holds: the first locks the
/// chain's head by updating it (the lock lasts until commit, so appends from several instances
/// line up) and reads it, with the unit's name and the applicant's name the rows need; the
/// second inserts a row and moves the head (one such command per row). It joins the transaction open on the unit of
/// work, if any, or runs in its own.
/// </summary>
internal sealed class AuditTrailStore(AppDbContext db) : IAuditTrail
{
    internal const string LockAndReadHead =
        "UPDATE \"AuditChainHeads\" SET \"LastSequence\" = \"LastSequence\" WHERE \"Id\" = 1;\n" +
        "SELECT h.\"LastSequence\", h.\"LastHash\", " +
        "(SELECT u.\"Name\" FROM \"Units\" u WHERE u.\"Id\" = {0}) AS \"UnitName\", " +
        "(SELECT a.\"ApplicantName\" FROM \"Applications\" a WHERE a.\"Id\" = {1}) AS \"ApplicantName\" " +
        "FROM \"AuditChainHeads\" h WHERE h.\"Id\" = 1;";

    /// <summary>The row, then the head moved onto it; the caller adds the read of the new id.</summary>
    private const string Insert =
        "INSERT INTO \"AuditEntries\" (\"Sequence\", \"OccurredAt\", \"Actor\", \"UserId\", \"ActorName\", \"Role\", \"Unit\", \"Action\", \"Operation\", \"OperationName\", " +
        "\"SubjectKind\", \"SubjectId\", \"SubjectPerson\", \"Succeeded\", \"Outcome\", \"RemoteAddress\", \"UserAgent\", \"Detail\", \"PreviousHash\", \"ContentHash\") " +
        "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16}, {17}, {18}, {19});\n" +
        "UPDATE \"AuditChainHeads\" SET \"LastSequence\" = {0}, \"LastHash\" = {19} WHERE \"Id\" = 1;\n";

    private const string InsertOnSqlite = Insert + "SELECT last_insert_rowid() AS \"Value\";";

    private const string InsertOnSqlServer = Insert + "SELECT CAST(SCOPE_IDENTITY() AS bigint) AS \"Value\";";

    public async Task<long> AppendAsync(IReadOnlyList<AuditAppend> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            return await AppendInTransactionAsync(rows, cancellationToken);
        }

        // A retrying strategy (SQL Server) runs the whole append again after a transient failure.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                var last = await AppendInTransactionAsync(rows, ct);
                await transaction.CommitAsync(ct);
                return last;
            },
            cancellationToken);
    }

    private async Task<long> AppendInTransactionAsync(IReadOnlyList<AuditAppend> rows, CancellationToken cancellationToken)
    {
        var first = rows[0];
        var head = (await db.Database.SqlQueryRaw<HeadRow>(LockAndReadHead, Id(first.UnitId), Id(first.ApplicationId)).ToListAsync(cancellationToken))
            .SingleOrDefault() ?? throw new InvalidOperationException("The audit chain's head row is missing; apply the migrations.");
        var sequence = head.LastSequence;
        var hash = head.LastHash;
        long lastId = 0;
        var insert = db.Database.IsSqlite() ? InsertOnSqlite : InsertOnSqlServer;
        foreach (var row in rows)
        {
            var entry = AuditEntry.Create(row.Facts);
            if (ReferenceEquals(row, first))
            {
                entry.Complete(head.UnitName, head.ApplicantName);
            }

            entry.Seal(++sequence, hash);
            hash = entry.ContentHash;
            lastId = (await db.Database.SqlQueryRaw<long>(
                    insert,
                    entry.Sequence, entry.OccurredAt.UtcDateTime, entry.Actor, Value(entry.UserId), Value(entry.ActorName), Value(entry.Role), Value(entry.Unit),
                    entry.Action.ToString(), entry.Operation, entry.OperationName, Value(entry.SubjectKind), Value(entry.SubjectId), Value(entry.SubjectPerson),
                    entry.Succeeded, entry.Outcome, Value(entry.RemoteAddress), Value(entry.UserAgent), Value(entry.Detail), entry.PreviousHash, entry.ContentHash)
                .ToListAsync(cancellationToken)).Single();
        }

        return lastId;
    }

    private static object Id(Guid? id) => id is { } value ? value : DBNull.Value;

    /// <summary>A null as a database null, so both providers bind it.</summary>
    private static object Value(string? value) => value is null ? DBNull.Value : value;

    /// <summary>What the head's read returns (column names as in <see cref="LockAndReadHead"/>).</summary>
    private sealed class HeadRow
    {
        public long LastSequence { get; init; }

        public string LastHash { get; init; } = string.Empty;

        public string? UnitName { get; init; }

        public string? ApplicantName { get; init; }
    }
}

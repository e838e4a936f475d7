using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TitleReview.Infrastructure.Persistence;

/// <summary>
/// SQLite set up for many writers at once (ADR 0027): the database file stays in WAL mode, so
/// readers never wait for a writer, and every connection waits for a busy writer instead of
/// failing with "database is locked".
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a connection waits for another's write lock before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    public static readonly SqlitePragmas Instance = new();

    // Both pragmas belong to the connection, not the file, so every new connection needs them.
    // NORMAL under WAL syncs at checkpoints only: a commit survives a crash of the process,
    // and a power cut can lose only the last commits, never the file.
    private static readonly string PerConnection =
        $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";

    private SqlitePragmas()
    {
    }

    /// <summary>
    /// Switches the file to WAL. The mode is stored in the file, so this runs once at start-up,
    /// before the migrations; a no-op when the file already is in WAL.
    /// </summary>
    public static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

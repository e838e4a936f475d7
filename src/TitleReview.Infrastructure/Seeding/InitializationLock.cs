using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Serialises the database's preparation across processes. On SQL Server it holds an exclusive
/// session-owned application lock (<c>sp_getapplock</c>) on the context's connection until
/// disposed; whoever comes second waits, then finds the migrations applied and the roles there.
/// SQLite needs none: only one process serves a SQLite database (ADR 0058).
/// </summary>
internal sealed class InitializationLock : IAsyncDisposable
{
    private const string Resource = "TitleReview.DatabasePreparation";

    /// <summary>Long enough for a large migration on another instance to finish.</summary>
    private const int TimeoutMilliseconds = 10 * 60 * 1000;

    private readonly AppDbContext? _db;

    private InitializationLock(AppDbContext? db) => _db = db;

    public static async Task<InitializationLock> AcquireAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlServer())
        {
            return new InitializationLock(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "DECLARE @result int; EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @timeout; SELECT @result;";
        command.CommandTimeout = (TimeoutMilliseconds / 1000) + 30;
        AddParameter(command, "@resource", Resource);
        AddParameter(command, "@timeout", TimeoutMilliseconds);
        var result = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (result < 0)
        {
            await db.Database.CloseConnectionAsync();
            throw new InvalidOperationException(
                $"Another instance has been preparing the database for more than {TimeoutMilliseconds / 60000} minutes (sp_getapplock returned {result}); start-up stops rather than race it.");
        }

        return new InitializationLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null || _db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            return;
        }

        await using (var command = _db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = 'Session';";
            AddParameter(command, "@resource", Resource);
            await command.ExecuteNonQueryAsync();
        }

        await _db.Database.CloseConnectionAsync();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TitleReview.Benchmarks.Clock;

/// <summary>
/// The least work that has the clock's effect, as hand-written SQL in one transaction: a journal
/// row per closed case, the cases in their closed state, the timers fired. It checks no roles
/// or guards and runs no observers; it is the floor the clock is measured against.
/// </summary>
internal static class SetBasedClose
{
    private const string Due =
        """
        SELECT b.Id FROM WorkflowBookmarks b JOIN WorkflowInstances i ON i.Id = b.InstanceId
        WHERE b.Status = 'Pending' AND b.DueAt <= $now AND b.Trigger = $trigger
          AND i.DefinitionId = $definition AND i.DefinitionVersion = $version AND i.State = $from
        """;

    public static async Task<TimeSpan> RunAsync(string connectionString, SeededCampaign seeded, DateTimeOffset now)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        await ExecuteAsync(connection, transaction, seeded, now, $"""
            CREATE TEMP TABLE due AS {Due};
            INSERT INTO WorkflowJournal (InstanceId, FromState, "Trigger", ToState, Actor, ActorName, Reason, OccurredAt)
            SELECT b.InstanceId, $from, b."Trigger", $to, 'system:clock', '系统时钟', '定时触发（' || b.DueExpression || '）', $now
            FROM WorkflowBookmarks b WHERE b.Id IN (SELECT Id FROM due);
            UPDATE WorkflowInstances
            SET State = $to, Status = 'Finished', SubStatus = 'Completed', StateEnteredAt = $now, FinishedAt = $now,
                UpdatedAt = $now, ConcurrencyToken = hex(randomblob(16))
            WHERE Id IN (SELECT InstanceId FROM WorkflowBookmarks WHERE Id IN (SELECT Id FROM due));
            UPDATE WorkflowBookmarks SET Status = 'Fired', CompletedAt = $now WHERE Id IN (SELECT Id FROM due);
            DROP TABLE due;
            """);

        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, SeededCampaign seeded, DateTimeOffset now, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$now", now.UtcDateTime);
        command.Parameters.AddWithValue("$trigger", seeded.Trigger);
        command.Parameters.AddWithValue("$definition", seeded.DefinitionId);
        command.Parameters.AddWithValue("$version", seeded.DefinitionVersion);
        command.Parameters.AddWithValue("$from", seeded.FromState);
        command.Parameters.AddWithValue("$to", seeded.ToState);
        await command.ExecuteNonQueryAsync();
    }
}

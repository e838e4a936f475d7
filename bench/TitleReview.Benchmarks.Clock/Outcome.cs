using Microsoft.Data.Sqlite;

namespace TitleReview.Benchmarks.Clock;

/// <summary>What a database holds after the close, compared between the clock's and the SQL's.</summary>
internal sealed record Outcome(int Closed, int StillOpen, int JournalRows, int ClosingRows, int FiredBookmarks, int PendingDue, bool EachClosedOnce)
{
    public static async Task<Outcome> CountAsync(string connectionString, SeededCampaign seeded)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        async Task<int> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$definition", seeded.DefinitionId);
            command.Parameters.AddWithValue("$from", seeded.FromState);
            command.Parameters.AddWithValue("$to", seeded.ToState);
            command.Parameters.AddWithValue("$trigger", seeded.Trigger);
            command.Parameters.AddWithValue("$closes", seeded.ClosesAt.UtcDateTime);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var closingRows = await Scalar("SELECT COUNT(*) FROM WorkflowJournal WHERE \"Trigger\" = $trigger AND ToState = $to");
        var closedInstances = await Scalar("SELECT COUNT(DISTINCT InstanceId) FROM WorkflowJournal WHERE \"Trigger\" = $trigger AND ToState = $to");
        return new Outcome(
            await Scalar("SELECT COUNT(*) FROM WorkflowInstances WHERE DefinitionId = $definition AND State = $to"),
            await Scalar("SELECT COUNT(*) FROM WorkflowInstances WHERE DefinitionId = $definition AND State = $from"),
            await Scalar("SELECT COUNT(*) FROM WorkflowJournal"),
            closingRows,
            await Scalar("SELECT COUNT(*) FROM WorkflowBookmarks WHERE Status = 'Fired'"),
            await Scalar("SELECT COUNT(*) FROM WorkflowBookmarks WHERE Status = 'Pending' AND DueAt <= $closes"),
            closingRows == closedInstances);
    }

    public override string ToString() =>
        $"closed {Closed:N0}, still open {StillOpen:N0}, journal rows {JournalRows:N0} (closing {ClosingRows:N0}), fired timers {FiredBookmarks:N0}, due timers left {PendingDue:N0}";
}

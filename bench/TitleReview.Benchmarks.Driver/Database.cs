using Microsoft.Data.Sqlite;

namespace TitleReview.Benchmarks.Driver;

/// <summary>Reads the data set's SQLite database, read-only, for what the HTTP answers cannot tell.</summary>
internal static class Database
{
    public static SqliteConnection OpenReadOnly(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static IReadOnlyList<int> CampaignYears(string file)
    {
        using var connection = OpenReadOnly(file);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT Year FROM Campaigns ORDER BY Year DESC";
        using var reader = command.ExecuteReader();
        var years = new List<int>();
        while (reader.Read())
        {
            years.Add(reader.GetInt32(0));
        }

        return years;
    }

    /// <summary>Each application's workflow state, by the application's id.</summary>
    public static IReadOnlyDictionary<Guid, string> ApplicationStates(string file)
    {
        using var connection = OpenReadOnly(file);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SubjectId, State FROM WorkflowInstances WHERE DefinitionId = 'application'";
        using var reader = command.ExecuteReader();
        var states = new Dictionary<Guid, string>();
        while (reader.Read())
        {
            states[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
        }

        return states;
    }
}

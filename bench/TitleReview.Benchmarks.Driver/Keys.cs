using Microsoft.Data.Sqlite;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// Carries the Data Protection key ring (the <c>DataProtectionKeys</c> table, ADR 0058) from the
/// copy the accounts signed in on to a later copy, so the cookies of one sign-in stay valid there.
/// </summary>
internal static class Keys
{
    /// <summary><c>keys export --db live.db --out keys.json</c>, or <c>keys import --file keys.json --db copy.db</c>.</summary>
    public static int Run(string? verb, Arguments options) => verb switch
    {
        "export" => Export(options.Required("db"), options.Required("out")),
        "import" => Import(options.Required("file"), options.Required("db")),
        _ => throw new UsageException("keys: export or import"),
    };

    private static int Export(string database, string file)
    {
        using var source = Database.OpenReadOnly(database);
        using var read = source.CreateCommand();
        read.CommandText = "SELECT FriendlyName, Xml FROM DataProtectionKeys ORDER BY Id";
        using var reader = read.ExecuteReader();
        var keys = new List<Key>();
        while (reader.Read())
        {
            keys.Add(new Key(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(keys));
        Console.WriteLine($"{keys.Count} keys exported from {database}");
        return 0;
    }

    private static int Import(string file, string database)
    {
        var keys = System.Text.Json.JsonSerializer.Deserialize<List<Key>>(File.ReadAllText(file)) ?? [];
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        target.Open();
        using var transaction = target.BeginTransaction();
        using (var clear = target.CreateCommand())
        {
            clear.CommandText = "DELETE FROM DataProtectionKeys";
            clear.ExecuteNonQuery();
        }

        foreach (var key in keys)
        {
            using var insert = target.CreateCommand();
            insert.CommandText = "INSERT INTO DataProtectionKeys (FriendlyName, Xml) VALUES ($name, $xml)";
            insert.Parameters.AddWithValue("$name", (object?)key.FriendlyName ?? DBNull.Value);
            insert.Parameters.AddWithValue("$xml", (object?)key.Xml ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        Console.WriteLine($"{keys.Count} keys imported into {database}");
        return 0;
    }

    private sealed record Key(string? FriendlyName, string? Xml);
}

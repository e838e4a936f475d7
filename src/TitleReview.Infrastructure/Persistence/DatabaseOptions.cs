namespace TitleReview.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "TitleReview";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Whether the web host prepares the database at start-up (migrations, roles, definitions,
    /// the first office account). Several instances sharing one database set it to false and let
    /// the one-shot <c>migrate</c> command line do it, so nothing is raced (ADR 0058).
    /// </summary>
    public bool MigrateAtStartup { get; set; } = true;
}

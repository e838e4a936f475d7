namespace TitleReview.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "TitleReview";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

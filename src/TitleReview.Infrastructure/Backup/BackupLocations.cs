using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Backup;

/// <summary>
/// What a backup of the embedded default holds and where each part lives (ADR 0060): the SQLite
/// database file, the uploads, the data-protection keys of older installs (<c>keys/</c>) and the
/// audit archives. The backup folder mirrors the data folder's layout, so a restore is a copy back.
/// </summary>
public sealed class BackupLocations
{
    public const string DatabaseEntry = "titlereview.db";
    public const string UploadsEntry = "uploads";
    public const string KeysEntry = "keys";
    public const string AuditArchivesEntry = "audit-archives";

    /// <summary>The store's partial uploads, never referenced by a row, never backed up.</summary>
    public const string TemporaryUploadsEntry = ".tmp";

    public BackupLocations(string dataFolder, string databaseFile)
    {
        DataFolder = Path.GetFullPath(dataFolder);
        DatabaseFile = Path.GetFullPath(databaseFile);
    }

    public string DataFolder { get; }

    public string DatabaseFile { get; }

    public string UploadsFolder => Path.Combine(DataFolder, UploadsEntry);

    public string KeysFolder => Path.Combine(DataFolder, KeysEntry);

    public string AuditArchivesFolder => Path.Combine(DataFolder, AuditArchivesEntry);

    /// <summary>The folders copied as they are, by their name in the backup.</summary>
    public IEnumerable<(string Entry, string Folder)> Folders =>
    [
        (UploadsEntry, UploadsFolder),
        (KeysEntry, KeysFolder),
        (AuditArchivesEntry, AuditArchivesFolder),
    ];

    /// <summary>
    /// The data folder of <see cref="StoragePaths"/>, and the database file of
    /// <c>ConnectionStrings:TitleReview</c> when it is set, else <c>{DataFolder}/titlereview.db</c>.
    /// </summary>
    public static BackupLocations Resolve(StoragePaths paths, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new BackupLocations(paths.DataFolder, paths.SqliteDatabaseFile);
        }

        var connection = new SqliteConnectionStringBuilder(configured);
        if (connection.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(connection.DataSource)
            || string.Equals(connection.DataSource, ":memory:", StringComparison.Ordinal))
        {
            throw new BackupRefusedException($"连接字符串 ConnectionStrings:{DatabaseOptions.ConnectionStringName} 指向内存数据库，没有可备份或恢复的数据库文件。");
        }

        return new BackupLocations(paths.DataFolder, connection.DataSource);
    }
}

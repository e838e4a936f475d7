using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Backup;

/// <summary>What a backup wrote: the folder, its manifest, and warnings the operator should read.</summary>
public sealed record BackupResult(string Folder, BackupManifest Manifest, IReadOnlyList<string> Warnings);

/// <summary>
/// A consistent backup of the embedded default while the system runs (ADR 0060): SQLite's online
/// backup of the database, then the uploads, the keys of older installs and the audit archives
/// (copied once before the snapshot as well, so little is left to copy after it), then a check that
/// every file the snapshot refers to is in the copy, and the manifest last. Uploads are immutable
/// under random keys and reach their final place before their row commits, so every file the
/// snapshot refers to exists when it is taken; a file removed after the snapshot (a scan replaced
/// meanwhile) is met by taking the snapshot again.
/// </summary>
public sealed class SystemBackup(StoragePaths paths, IConfiguration configuration, IServiceProvider services, TimeProvider clock)
{
    /// <summary>Snapshots taken at most, when files the previous one referred to were removed meanwhile.</summary>
    public const int MaxSnapshots = 5;

    private const int BufferSize = 81920;

    /// <summary>How long the snapshot waits for a busy database before it gives up.</summary>
    private static readonly int BusyTimeoutMilliseconds = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;

    public async Task<BackupResult> BackupAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        EmbeddedDefault.Ensure(configuration, "备份");
        var source = BackupLocations.Resolve(paths, configuration);
        var target = Path.GetFullPath(folder);
        EnsureUsableTarget(target, source);
        if (!File.Exists(source.DatabaseFile))
        {
            throw new BackupRefusedException($"没有找到数据库文件 {source.DatabaseFile}：没有可备份的数据，未做任何改动。");
        }

        CreatePrivateFolder(target);
        var columns = StoredFileReferences.ColumnsOf(Model());
        var copied = new Dictionary<string, BackupManifestFile>(StringComparer.Ordinal);
        var missingBefore = new HashSet<string>(StringComparer.Ordinal);

        // The files already there are copied before the snapshot too: then only a file stored in the
        // moments before the snapshot and removed right after it can be missed (and is met by the next snapshot).
        foreach (var (entry, sourceFolder) in source.Folders)
        {
            await CopyFolderAsync(sourceFolder, entry, target, copied, cancellationToken);
        }

        Snapshot snapshot;
        for (var attempt = 1; ; attempt++)
        {
            snapshot = TakeSnapshot(source.DatabaseFile, Path.Combine(target, BackupLocations.DatabaseEntry), columns);
            foreach (var (entry, sourceFolder) in source.Folders)
            {
                await CopyFolderAsync(sourceFolder, entry, target, copied, cancellationToken);
            }

            var missing = snapshot.References.Where(r => !copied.ContainsKey(r.StorageKey)).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            // A key missing again from a later snapshot was never removed by a replacement: its file is lost.
            var lost = missing.Where(r => missingBefore.Contains(r.StorageKey)).ToList();
            if (lost.Count > 0 || attempt == MaxSnapshots)
            {
                var named = lost.Count > 0 ? lost : missing;
                throw new BackupRefusedException(
                    $"备份失败：数据库引用的文件 {named[0].StorageKey}（{named[0].Source}）在数据目录中不存在或无法读取" +
                    (named.Count > 1 ? $"，另有 {named.Count - 1} 个文件同样缺失" : string.Empty) +
                    $"。{target} 中没有写入 manifest.json，是不完整的备份，请勿使用；请核查上传目录后换一个空目录重试。");
            }

            missingBefore.UnionWith(missing.Select(r => r.StorageKey));
        }

        var warnings = snapshot.References
            .Where(r => r.Sha256 is not null && !string.Equals(copied[r.StorageKey].Sha256, r.Sha256, StringComparison.OrdinalIgnoreCase))
            .Select(r => $"警告：文件 {r.StorageKey}（{r.Source}）的 SHA-256 与数据库记录不符，已按现状备份，请核查该文件。")
            .ToList();

        var manifest = new BackupManifest(
            BackupManifest.CurrentFormatVersion,
            clock.GetUtcNow(),
            AppVersion(),
            DatabaseProvider.Sqlite.ToString(),
            snapshot.LastMigration,
            [snapshot.File, .. copied.Values.OrderBy(f => f.Path, StringComparer.Ordinal)]);
        manifest.Write(Path.Combine(target, BackupManifest.FileName));
        return new BackupResult(target, manifest, warnings);
    }

    public static string AppVersion()
    {
        var assembly = typeof(SystemBackup).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }

    private IModel Model() =>
        services.GetRequiredService<AppDbContext>().GetService<IDesignTimeModel>().Model;

    private static void EnsureUsableTarget(string target, BackupLocations source)
    {
        if (File.Exists(target))
        {
            throw new BackupRefusedException($"备份目录 {target} 是一个已有的文件，请指定一个空目录或不存在的目录，未做任何改动。");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupRefusedException($"备份目录 {target} 不是空的：备份只写入空目录或不存在的目录，以免与旧备份混在一起，未做任何改动。");
        }

        var data = source.DataFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (string.Equals(target, source.DataFolder, StringComparison.Ordinal) || target.StartsWith(data, StringComparison.Ordinal))
        {
            throw new BackupRefusedException($"备份目录 {target} 位于数据目录 {source.DataFolder} 之内：请把备份放在数据目录之外（最好在另一块磁盘上），未做任何改动。");
        }
    }

    /// <summary>The backup holds every account and the keys: only its owner may read it.</summary>
    private static void CreatePrivateFolder(string target)
    {
        Directory.CreateDirectory(target);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// SQLite's online backup: one step under one read transaction, so the copy is the database as
    /// of one commit even in WAL mode with writers busy. The copy is then made a single
    /// self-contained file (rollback journal; the application puts it back in WAL when it starts),
    /// checked, and asked which stored files it refers to.
    /// </summary>
    private static Snapshot TakeSnapshot(string databaseFile, string copyFile, IReadOnlyList<StoredFileColumn> columns)
    {
        File.Delete(copyFile);
        using (var source = Open(databaseFile, SqliteOpenMode.ReadWrite))
        using (var copy = Open(copyFile, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            Execute(copy, "PRAGMA journal_mode = DELETE;");
            var check = Execute(copy, "PRAGMA quick_check;");
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw new BackupRefusedException($"备份失败：数据库快照的完整性检查未通过（{check}），未写入 manifest.json，请勿使用该备份。");
            }

            var references = StoredFileReferences.Read(copy, columns);
            var hasHistory = Execute(copy, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") != "0";
            var lastMigration = hasHistory ? Execute(copy, "SELECT max(MigrationId) FROM __EFMigrationsHistory;") : null;
            copy.Close();
            return new Snapshot(HashFile(copyFile, BackupLocations.DatabaseEntry), references, lastMigration);
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        return connection;
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant statements of this class only.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static BackupManifestFile HashFile(string file, string relative)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return new BackupManifestFile(relative, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>
    /// Copies a folder's files not copied yet (files in the store never change under their key),
    /// skipping the store's partial uploads; a file removed meanwhile is skipped, the reference check decides.
    /// </summary>
    private static async Task CopyFolderAsync(string sourceFolder, string entry, string target, Dictionary<string, BackupManifestFile> copied, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(sourceFolder))
        {
            return;
        }

        var temporary = Path.Combine(sourceFolder, BackupLocations.TemporaryUploadsEntry) + Path.DirectorySeparatorChar;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None };
        foreach (var file in Directory.EnumerateFiles(sourceFolder, "*", options))
        {
            if (entry == BackupLocations.UploadsEntry && file.StartsWith(temporary, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = entry + "/" + Path.GetRelativePath(sourceFolder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (copied.ContainsKey(relative))
            {
                continue;
            }

            var destination = Path.Combine(target, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                copied[relative] = await CopyAsync(file, destination, relative, cancellationToken);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                File.Delete(destination);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BackupRefusedException($"备份失败：无法读取文件 {file}（{e.Message}）。{target} 中没有写入 manifest.json，是不完整的备份，请勿使用。", e);
            }
        }
    }

    private static async Task<BackupManifestFile> CopyAsync(string file, string destination, string relative, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        var length = await HashingCopy.CopyAsync(input, output, cancellationToken);
        return new BackupManifestFile(relative, length.Length, length.Sha256);
    }

    private sealed record Snapshot(BackupManifestFile File, IReadOnlyList<StoredFileReference> References, string? LastMigration);
}

/// <summary>Copies a stream while hashing it, and flushes the copy to disk.</summary>
internal static class HashingCopy
{
    private const int BufferSize = 81920;

    public static async Task<(long Length, string Sha256)> CopyAsync(Stream input, FileStream output, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            length += read;
        }

        await output.FlushAsync(cancellationToken);
        output.Flush(flushToDisk: true);
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

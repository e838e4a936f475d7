using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Backup;

/// <summary>What a restore brought back.</summary>
public sealed record RestoreResult(string DataFolder, BackupManifest Manifest, long Bytes);

/// <summary>
/// Restores a backup of <see cref="SystemBackup"/> into an empty data folder (ADR 0060). The manifest
/// is checked first (format, paths, every file present with its length), each file is copied into
/// a staging folder beside the data folder while its SHA-256 is checked, and only a complete, checked
/// copy is moved into place, the database last; any refusal or failure leaves the data folder as it was.
/// </summary>
public sealed class SystemRestore(StoragePaths paths, IConfiguration configuration)
{
    private const int BufferSize = 81920;

    public async Task<RestoreResult> RestoreAsync(string backupFolder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupFolder);
        EmbeddedDefault.Ensure(configuration, "恢复");
        var target = BackupLocations.Resolve(paths, configuration);
        var source = Path.GetFullPath(backupFolder);
        if (!Directory.Exists(source))
        {
            throw new BackupRefusedException($"备份目录 {source} 不存在，未做任何恢复。");
        }

        EnsureEmpty(target);
        var manifest = ReadManifest(source);
        long bytes = 0;
        foreach (var file in manifest.Files)
        {
            var info = new FileInfo(Path.Combine(source, Local(file.Path)));
            if (!info.Exists)
            {
                throw new BackupRefusedException($"备份不完整：manifest.json 列出的文件 {file.Path} 不存在，未做任何恢复。");
            }

            if (info.Length != file.Length)
            {
                throw new BackupRefusedException($"备份文件 {file.Path} 的长度与 manifest.json 不符（应为 {file.Length} 字节，实为 {info.Length} 字节），文件已被改动或损坏，未做任何恢复。");
            }

            bytes += file.Length;
        }

        var parent = Path.GetDirectoryName(target.DataFolder.TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target.DataFolder.TrimEnd(Path.DirectorySeparatorChar))}.restore-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in manifest.Files)
            {
                await CopyCheckedAsync(Path.Combine(source, Local(file.Path)), Path.Combine(staging, Local(file.Path)), file, cancellationToken);
            }

            EnsureEmpty(target);
            MoveIntoPlace(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return new RestoreResult(target.DataFolder, manifest, bytes);
    }

    /// <summary>
    /// Empty: no database file (nor a stale <c>-wal</c>, which SQLite would replay onto the restored
    /// file), and no file under uploads, keys or audit archives. Empty folders and logs may be there.
    /// </summary>
    private static void EnsureEmpty(BackupLocations target)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            if (File.Exists(target.DatabaseFile + suffix))
            {
                Refuse(target, $"已有数据库文件 {target.DatabaseFile + suffix}");
            }
        }

        foreach (var (entry, folder) in target.Folders)
        {
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
            {
                Refuse(target, $"{entry}/ 中已有文件");
            }
        }
    }

    private static void Refuse(BackupLocations target, string reason) =>
        throw new BackupRefusedException($"数据目录 {target.DataFolder} 不是空的：{reason}。恢复只写入空的数据目录，以免覆盖现有数据，未做任何改动。");

    private static BackupManifest ReadManifest(string source)
    {
        var path = Path.Combine(source, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new BackupRefusedException($"备份目录 {source} 中没有 manifest.json：这是不完整的备份（备份中途失败）或不是本系统的备份，未做任何恢复。");
        }

        BackupManifest manifest;
        try
        {
            manifest = BackupManifest.Read(path);
        }
        catch (JsonException e)
        {
            throw new BackupRefusedException($"备份目录 {source} 中的 manifest.json 无法读取（{e.Message}），未做任何恢复。", e);
        }

        if (manifest.FormatVersion != BackupManifest.CurrentFormatVersion)
        {
            throw new BackupRefusedException($"备份格式版本 {manifest.FormatVersion} 不受支持（本程序恢复版本 {BackupManifest.CurrentFormatVersion}），未做任何恢复。");
        }

        if (manifest.Files is null || !manifest.Files.Any(f => f?.Path == BackupLocations.DatabaseEntry))
        {
            throw new BackupRefusedException($"manifest.json 中没有数据库文件 {BackupLocations.DatabaseEntry}，这不是完整的备份，未做任何恢复。");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in manifest.Files)
        {
            if (file?.Path is null || !IsSafePath(file.Path) || !seen.Add(file.Path) || file.Length < 0
                || file.Sha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigit))
            {
                throw new BackupRefusedException($"manifest.json 不合法：条目 {file?.Path ?? "（空）"} 的路径、长度或 SHA-256 不正确，未做任何恢复。");
            }
        }

        return manifest;
    }

    /// <summary>A relative path with forward slashes inside one of the backed-up entries, nothing that climbs out.</summary>
    private static bool IsSafePath(string path)
    {
        if (path == BackupLocations.DatabaseEntry)
        {
            return true;
        }

        var segments = path.Split('/');
        return segments.Length >= 2
            && segments[0] is BackupLocations.UploadsEntry or BackupLocations.KeysEntry or BackupLocations.AuditArchivesEntry
            && segments.All(s => s.Length > 0 && s != "." && s != ".." && s.IndexOfAny(['\\', ':', '\0']) < 0);
    }

    private static string Local(string relative) => relative.Replace('/', Path.DirectorySeparatorChar);

    private static async Task CopyCheckedAsync(string from, string to, BackupManifestFile expected, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        (long Length, string Sha256) copied;
        await using (var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
        await using (var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
        {
            copied = await HashingCopy.CopyAsync(input, output, cancellationToken);
        }

        if (copied.Length != expected.Length || !string.Equals(copied.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRefusedException($"备份文件 {expected.Path} 的 SHA-256 与 manifest.json 不符，文件已被改动或损坏，未做任何恢复。");
        }
    }

    /// <summary>
    /// Moves the staged folders, then the database, into place (renames on one disk); if a move
    /// fails, those already made are moved back.
    /// </summary>
    private static void MoveIntoPlace(string staging, BackupLocations target)
    {
        var done = new List<(string From, string To)>();
        try
        {
            Directory.CreateDirectory(target.DataFolder);
            foreach (var (entry, folder) in target.Folders)
            {
                var staged = Path.Combine(staging, entry);
                if (!Directory.Exists(staged))
                {
                    continue;
                }

                if (Directory.Exists(folder))
                {
                    // Checked empty of files just before: only empty folders (keys/ made at start-up) go.
                    Directory.Delete(folder, recursive: true);
                }

                Directory.Move(staged, folder);
                done.Add((staged, folder));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target.DatabaseFile)!);
            File.Move(Path.Combine(staging, BackupLocations.DatabaseEntry), target.DatabaseFile, overwrite: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (from, to) in Enumerable.Reverse(done))
            {
                Directory.Move(to, from);
            }

            throw new BackupRefusedException($"恢复失败：无法把文件移入数据目录 {target.DataFolder}（{e.Message}），已撤销，数据目录保持原样。", e);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TitleReview.Infrastructure.Backup;

/// <summary>
/// <c>manifest.json</c>, written last into a backup folder (ADR 0060): a folder without it is an
/// incomplete backup. It lists every file of the backup with its length and SHA-256, relative
/// paths with forward slashes.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion,
    DateTimeOffset CreatedAt,
    string AppVersion,
    string Provider,
    string? LastMigration,
    IReadOnlyList<BackupManifestFile> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>The layout this code writes and the only one it restores.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static BackupManifest Read(string path) =>
        JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json)
        ?? throw new JsonException("The manifest is empty.");

    public void Write(string path)
    {
        // Written to a side file and renamed, so a manifest is either complete or absent.
        var partial = path + ".part";
        File.WriteAllText(partial, JsonSerializer.Serialize(this, Json));
        using (var flush = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite))
        {
            flush.Flush(flushToDisk: true);
        }

        File.Move(partial, path, overwrite: false);
    }
}

/// <summary>One file of a backup: its path relative to the backup folder (forward slashes), length and SHA-256 (lower-case hex).</summary>
public sealed record BackupManifestFile(string Path, long Length, string Sha256);

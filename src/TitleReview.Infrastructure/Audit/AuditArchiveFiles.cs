using System.Globalization;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Audit;

/// <summary>Archive files (ADR 0053): in <c>audit-archives</c> under the data folder, or where the command line says.</summary>
internal sealed class AuditArchiveFiles(StoragePaths paths) : IAuditArchiveFiles
{
    public string Folder => Path.Combine(paths.DataFolder, "audit-archives");

    public (Stream Stream, string Path) Create(string? requestedPath, DateTimeOffset now)
    {
        var path = string.IsNullOrWhiteSpace(requestedPath)
            ? Path.Combine(Folder, $"audit-{BeijingTime.ToBeijing(now).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.jsonl")
            : Path.GetFullPath(requestedPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // A new file only: an archive is never overwritten.
        return (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.WriteThrough), path);
    }

    public Stream Open(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
}

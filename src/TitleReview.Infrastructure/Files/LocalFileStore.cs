using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TitleReview.Application.Files;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Files;

/// <summary>
/// Keeps uploads in <c>{DataFolder}/uploads/</c>, outside the web root, under keys from
/// <see cref="StorageKeys"/>. A file is staged in <c>uploads/.tmp/</c> by
/// <see cref="UploadIntake"/> and renamed into place only once it is complete and flushed to disk.
/// The embedded default (<c>Storage:Provider</c> = <c>Local</c>).
/// </summary>
internal sealed class LocalFileStore(StoragePaths paths) : IFileStore, IFileStoreProbe
{
    private string TemporaryFolder => UploadIntake.StagingFolder(paths);

    public async Task<StoredFile> SaveAsync(Stream content, string originalName, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var staged = await UploadIntake.StageAsync(content, originalName, maxBytes, TemporaryFolder, cancellationToken);

        // A 128-bit random id does not collide in practice; if it ever did, the move refuses
        // to overwrite and the upload fails cleanly instead of replacing someone's file.
        var storageKey = StorageKeys.New();
        var finalFile = PathOf(storageKey);
        Directory.CreateDirectory(Path.GetDirectoryName(finalFile)!);
        File.Move(staged.Path, finalFile, overwrite: false);
        return staged.ToStoredFile(storageKey);
    }

    public async Task<Stream> OpenVerifiedAsync(string storageKey, string expectedSha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(storageKey);
        var expected = StorageKeys.ParseSha256(expectedSha256);

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, UploadIntake.BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StoredFileTamperedException(storageKey, e);
        }

        return await UploadIntake.ServeIfIntactAsync(file, storageKey, async stored =>
            CryptographicOperations.FixedTimeEquals(await SHA256.HashDataAsync(stored, cancellationToken), expected));
    }

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        // The token is deliberately ignored: compensation must run even for a cancelled request.
        var path = PathOf(storageKey);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone, together with its folder.
        }

        return Task.CompletedTask;
    }

    /// <summary>Healthy when the uploads folder exists or can be created and a file can be written in it.</summary>
    public async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(TemporaryFolder);
            var probe = Path.Combine(TemporaryFolder, StorageKeys.NewId() + ".probe");
            await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous | FileOptions.DeleteOnClose))
            {
                await file.WriteAsync(new byte[] { 1 }, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy($"本地上传文件目录可写：{paths.UploadsFolder}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"本地上传文件目录不可写：{paths.UploadsFolder}", e);
        }
    }

    /// <summary>
    /// The file behind a key this store issued. Anything else is refused by
    /// <see cref="StorageKeys.Check"/> before it comes near the file system.
    /// </summary>
    private string PathOf(string storageKey)
    {
        StorageKeys.Check(storageKey);
        var path = Path.GetFullPath(Path.Combine(paths.DataFolder, storageKey));
        var root = Path.GetFullPath(paths.UploadsFolder) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("Storage key resolves outside the uploads folder.", nameof(storageKey));
    }
}

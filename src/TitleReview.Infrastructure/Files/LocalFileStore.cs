using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TitleReview.Application.Files;
using TitleReview.Domain.Files;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Files;

/// <summary>
/// Keeps uploads in <c>{DataFolder}/uploads/</c>, outside the web root, as
/// <c>uploads/ab/ab…(32 hex digits).bin</c> from a random 128-bit id. A file is streamed to
/// <c>uploads/.tmp/</c> first and renamed into place only once it is complete and flushed to disk.
/// </summary>
internal sealed partial class LocalFileStore(StoragePaths paths) : IFileStore
{
    private const string KeyFolder = "uploads";
    private const string TemporaryFolderName = ".tmp";
    private const int BufferSize = 81920;

    private string TemporaryFolder => Path.Combine(paths.UploadsFolder, TemporaryFolderName);

    public async Task<StoredFile> SaveAsync(Stream content, string originalName, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        var name = UploadFileName.Check(originalName);
        if (!name.IsValid)
        {
            throw UploadRejectedException.BadName(name.Error);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        string? temporaryFile = null;
        try
        {
            // The kind is decided from the head before anything touches the disk.
            var count = await content.ReadAtLeastAsync(
                buffer.AsMemory(0, FileSignature.HeadLength), FileSignature.HeadLength, throwOnEndOfStream: false, cancellationToken);
            if (count == 0)
            {
                throw UploadRejectedException.Empty();
            }

            if (count > maxBytes)
            {
                throw UploadRejectedException.TooLarge(maxBytes);
            }

            var kind = FileSignature.Detect(buffer.AsSpan(0, count)) ?? throw UploadRejectedException.UnsupportedType();
            var fits = UploadFileName.CheckMatchesContent(name.Normalized, kind);
            if (!fits.IsValid)
            {
                throw UploadRejectedException.NameMismatch(fits.Error);
            }

            Directory.CreateDirectory(TemporaryFolder);
            temporaryFile = Path.Combine(TemporaryFolder, NewId() + ".part");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(temporaryFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                while (count > 0)
                {
                    length += count;
                    if (length > maxBytes)
                    {
                        throw UploadRejectedException.TooLarge(maxBytes);
                    }

                    hash.AppendData(buffer, 0, count);
                    await file.WriteAsync(buffer.AsMemory(0, count), cancellationToken);

                    // Never more than one byte past the limit: enough to know it was passed.
                    var wanted = (int)Math.Min(BufferSize, maxBytes - length + 1);
                    count = await content.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();

            // A 128-bit random id does not collide in practice; if it ever did, the move refuses
            // to overwrite and the upload fails cleanly instead of replacing someone's file.
            var id = NewId();
            var storageKey = $"{KeyFolder}/{id[..2]}/{id}.bin";
            var finalFile = PathOf(storageKey);
            Directory.CreateDirectory(Path.GetDirectoryName(finalFile)!);
            File.Move(temporaryFile, finalFile, overwrite: false);
            temporaryFile = null;

            return new StoredFile(
                storageKey,
                Convert.ToHexStringLower(hash.GetHashAndReset()),
                length,
                kind,
                kind.ContentType(),
                UploadFileName.ToDownloadName(name.Normalized, kind));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (temporaryFile is not null)
            {
                TryDelete(temporaryFile);
            }
        }
    }

    public async Task<Stream> OpenVerifiedAsync(string storageKey, string expectedSha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(storageKey);
        var expected = ParseSha256(expectedSha256);

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StoredFileTamperedException(storageKey, e);
        }

        try
        {
            var actual = await SHA256.HashDataAsync(file, cancellationToken);
            if (!CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                throw new StoredFileTamperedException(storageKey);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
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

    /// <summary>
    /// The file behind a key this store issued. Anything else, a path, "..", upper-case
    /// hex, another folder, is refused before it comes near the file system.
    /// </summary>
    private string PathOf(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        if (!StorageKeyFormat().IsMatch(storageKey))
        {
            throw new ArgumentException("Not a storage key issued by this file store.", nameof(storageKey));
        }

        var path = Path.GetFullPath(Path.Combine(paths.DataFolder, storageKey));
        var root = Path.GetFullPath(paths.UploadsFolder) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("Storage key resolves outside the uploads folder.", nameof(storageKey));
    }

    private static byte[] ParseSha256(string expectedSha256)
    {
        ArgumentNullException.ThrowIfNull(expectedSha256);
        if (expectedSha256.Length != SHA256.HashSizeInBytes * 2 || !expectedSha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("Expected a SHA-256 as 64 hex digits.", nameof(expectedSha256));
        }

        return Convert.FromHexString(expectedSha256);
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure matters more, and a leftover in .tmp is never served.
        }
    }

    [GeneratedRegex(@"\Auploads/([0-9a-f]{2})/\1[0-9a-f]{30}\.bin\z", RegexOptions.CultureInvariant)]
    private static partial Regex StorageKeyFormat();
}

using System.Buffers;
using System.Security.Cryptography;
using TitleReview.Application.Files;
using TitleReview.Domain.Files;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Files;

/// <summary>
/// What every file store does with an upload before it keeps it: check the name, recognise
/// the content by its head before anything is written, then stream it to a staged file while
/// hashing and counting, reading at most one byte past the limit. The store then moves the
/// staged file into place (local) or sends it in one request (S3).
/// </summary>
internal static class UploadIntake
{
    public const int BufferSize = 81920;

    /// <summary>
    /// Where uploads are staged whichever store keeps them: <c>{DataFolder}/uploads/.tmp/</c>,
    /// never served and never a storage key.
    /// </summary>
    public static string StagingFolder(StoragePaths paths) => Path.Combine(paths.UploadsFolder, ".tmp");

    /// <exception cref="UploadRejectedException">Refused by name, size or content; nothing is left staged.</exception>
    public static async Task<StagedUpload> StageAsync(
        Stream content, string originalName, long maxBytes, string stagingFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        var name = UploadFileName.Check(originalName);
        if (!name.IsValid)
        {
            throw UploadRejectedException.BadName(name.Error);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        string? stagedFile = null;
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

            Directory.CreateDirectory(stagingFolder);
            stagedFile = Path.Combine(stagingFolder, StorageKeys.NewId() + ".part");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(stagedFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
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

            var staged = new StagedUpload(
                stagedFile, Convert.ToHexStringLower(hash.GetHashAndReset()), length, kind, UploadFileName.ToDownloadName(name.Normalized, kind));
            stagedFile = null;
            return staged;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (stagedFile is not null)
            {
                TryDelete(stagedFile);
            }
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> and says whether what
    /// went through has the SHA-256 <paramref name="expected"/> (compared in constant time).
    /// </summary>
    public static async Task<bool> CopyAndVerifyAsync(Stream source, Stream destination, byte[] expected, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            int count;
            while ((count = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, count);
                await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            }

            return CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), expected);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The other half every store shares, for reads: hands <paramref name="file"/> out at
    /// position 0 if <paramref name="isIntact"/> finds its content the one recorded at upload;
    /// otherwise closes it and throws <see cref="StoredFileTamperedException"/>.
    /// </summary>
    public static async Task<Stream> ServeIfIntactAsync(FileStream file, string storageKey, Func<FileStream, Task<bool>> isIntact)
    {
        try
        {
            if (!await isIntact(file))
            {
                throw new StoredFileTamperedException(storageKey);
            }

            await file.FlushAsync();
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Best effort: the original failure matters more, and a leftover staged file is never served.</summary>
    public static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the operator; nothing reads the staging folder.
        }
    }
}

/// <summary>
/// An upload received whole into <see cref="Path"/>, with what was learnt on the way. Disposing
/// it removes the staged file if the store has not moved it away.
/// </summary>
internal sealed class StagedUpload(string path, string sha256Hex, long length, FileKind kind, string safeName) : IDisposable
{
    public string Path { get; } = path;

    public string Sha256Hex { get; } = sha256Hex;

    public long Length { get; } = length;

    public FileKind Kind { get; } = kind;

    public StoredFile ToStoredFile(string storageKey) =>
        new(storageKey, Sha256Hex, Length, Kind, Kind.ContentType(), safeName);

    public void Dispose() => UploadIntake.TryDelete(Path);
}

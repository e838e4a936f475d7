namespace TitleReview.Application.Files;

/// <summary>
/// Keeps uploaded files outside the web root. A file is written completely (temporary file,
/// then rename) before <see cref="SaveAsync"/> returns, so the caller commits its database row
/// only for a whole file; a refused, failed or cancelled upload leaves nothing behind.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Checks <paramref name="originalName"/>, recognises the content by its magic bytes and
    /// streams it to disk while hashing it, reading at most one byte beyond
    /// <paramref name="maxBytes"/>.
    /// </summary>
    /// <exception cref="UploadRejectedException">
    /// The name is not acceptable, the content is empty, larger than <paramref name="maxBytes"/>
    /// or not a PDF, JPEG or PNG. Nothing is left on disk.
    /// </exception>
    Task<StoredFile> SaveAsync(Stream content, string originalName, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a stored file for reading after checking that its SHA-256 still equals
    /// <paramref name="expectedSha256"/>; the stream is positioned at 0 and the caller disposes it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="storageKey"/> is not one this store issues.</exception>
    /// <exception cref="StoredFileTamperedException">The file is missing or its content changed.</exception>
    Task<Stream> OpenVerifiedAsync(string storageKey, string expectedSha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a stored file; does nothing when it is already gone. Used to compensate when the
    /// database row for a saved file fails to commit, so it runs even if
    /// <paramref name="cancellationToken"/> is already cancelled.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="storageKey"/> is not one this store issues.</exception>
    Task DeleteAsync(string storageKey, CancellationToken cancellationToken = default);
}

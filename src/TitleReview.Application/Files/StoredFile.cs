using TitleReview.Domain.Files;

namespace TitleReview.Application.Files;

/// <summary>
/// A file the store has written completely. The caller records it in the database; if that
/// fails, it calls <see cref="IFileStore.DeleteAsync"/> with <see cref="StorageKey"/>.
/// </summary>
/// <param name="StorageKey">Where the store keeps the file, e.g. <c>uploads/3f/3f…e1.bin</c>; random, never derived from the user's name.</param>
/// <param name="Sha256Hex">SHA-256 of the content as 64 lower-case hex digits, checked again whenever the file is served.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Kind">What the content is, by its magic bytes.</param>
/// <param name="ContentType">The MIME type to serve it with.</param>
/// <param name="SafeName">The name to offer in Content-Disposition (see <c>UploadFileName.ToDownloadName</c>).</param>
public sealed record StoredFile(string StorageKey, string Sha256Hex, long Length, FileKind Kind, string ContentType, string SafeName);

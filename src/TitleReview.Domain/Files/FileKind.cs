namespace TitleReview.Domain.Files;

/// <summary>
/// The kinds of file an applicant may upload. A file's kind is read from its first bytes
/// (<see cref="FileSignature"/>), never from its name or the type the browser declared.
/// </summary>
public enum FileKind
{
    Pdf,
    Jpeg,
    Png,
}

public static class FileKinds
{
    /// <summary>The kinds in the order they are listed to users.</summary>
    public static IReadOnlyList<FileKind> All { get; } = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    /// <summary>The MIME type the file is served with.</summary>
    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The name shown to users, e.g. in “只接受 PDF、JPEG、PNG 文件”.</summary>
    public static string DisplayName(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Jpeg => "JPEG",
        FileKind.Png => "PNG",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The extension appended to a download name that lacks a fitting one, with its dot.</summary>
    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Whether <paramref name="extension"/> (with its dot, any case) is one people use for this
    /// kind: .pdf; .jpg, .jpeg, .jpe, .jfif; .png.
    /// </summary>
    public static bool HasExtension(this FileKind kind, string? extension)
    {
        var lower = (extension ?? string.Empty).ToLowerInvariant();
        return kind switch
        {
            FileKind.Pdf => lower == ".pdf",
            FileKind.Jpeg => lower is ".jpg" or ".jpeg" or ".jpe" or ".jfif",
            FileKind.Png => lower == ".png",
            _ => false,
        };
    }
}

namespace TitleReview.Domain.Files;

/// <summary>
/// Recognises the accepted kinds by their magic bytes. Anything else, an executable renamed
/// .pdf, an HTML page renamed .jpg or a ZIP (Office document), is not recognised.
/// </summary>
public static class FileSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to see at most.</summary>
    public const int HeadLength = 8;

    /// <summary>“%PDF-” at offset 0.</summary>
    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;

    /// <summary>SOI marker followed by the first byte of the next marker.</summary>
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The kind whose signature <paramref name="head"/> (the file's first bytes, at least
    /// <see cref="HeadLength"/> of them when the file is that long) starts with; otherwise null.
    /// </summary>
    public static FileKind? Detect(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, Pdf))
        {
            return FileKind.Pdf;
        }

        if (StartsWith(head, Jpeg))
        {
            return FileKind.Jpeg;
        }

        if (StartsWith(head, Png))
        {
            return FileKind.Png;
        }

        return null;
    }

    // A plain loop: the domain references only System.Runtime, and MemoryExtensions lives in System.Memory.
    private static bool StartsWith(ReadOnlySpan<byte> data, ReadOnlySpan<byte> prefix)
    {
        if (data.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (data[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}

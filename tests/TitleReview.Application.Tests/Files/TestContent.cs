using System.Text;

namespace TitleReview.Application.Tests.Files;

/// <summary>Sample file contents, made in the test rather than checked in.</summary>
internal static class TestContent
{
    /// <summary>A minimal but well-formed PDF with one empty page.</summary>
    public static byte[] MinimalPdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n" +
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" +
        "trailer\n<< /Root 1 0 R >>\n" +
        "%%EOF\n");

    public static byte[] PdfHead => Encoding.ASCII.GetBytes("%PDF-1.7\n");

    public static byte[] JpegHead => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];

    public static byte[] PngHead => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    /// <summary>The start of a Windows executable: the "MZ" DOS header.</summary>
    public static byte[] WindowsExecutable() =>
        [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[512]];

    public static byte[] Html() =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    /// <summary>
    /// <paramref name="head"/> followed by filler up to <paramref name="length"/> bytes, the same
    /// bytes <see cref="UploadStream"/> produces, for comparing hashes and contents.
    /// </summary>
    public static byte[] Bytes(byte[] head, long length)
    {
        var bytes = new byte[length];
        for (long i = 0; i < length; i++)
        {
            bytes[i] = UploadStream.ByteAt(head, i);
        }

        return bytes;
    }
}

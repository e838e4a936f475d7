using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace TitleReview.Benchmarks.Data;

/// <summary>
/// Small valid files standing for scans, each naming its person, document and dossier so that
/// no two share a SHA-256 (the app flags a scan found in another applicant's dossier): one-page
/// PDFs (text in STSong-Light, nothing embedded), 8×8 grey PNGs and JPEGs carrying the text as a
/// comment, and real-sized PDFs whose page carries a seeded block of noise.
/// </summary>
internal static class Scans
{
    public static byte[] Pdf(IReadOnlyList<string> lines, byte[]? noise = null)
    {
        var text = new StringBuilder("BT /F1 16 Tf 72 760 Td 28 TL\n");
        foreach (var line in lines)
        {
            text.Append('<').Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(line))).Append("> Tj T*\n");
        }

        text.Append("ET");
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii(noise is null
                ? "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
                : "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 8 0 R >> >> /Contents 4 0 R >>"),
            Ascii($"<< /Length {text.Length} >>\nstream\n{text}\nendstream"),
            Ascii("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>"),
            Ascii("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>"),
            Ascii("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"),
        };
        if (noise is not null)
        {
            // A grey image as wide as the noise allows: what a scanner's uncompressed page costs.
            var width = 1000;
            var height = noise.Length / width;
            objects.Add([
                .. Ascii($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {width * height} >>\nstream\n"),
                .. noise.AsSpan(0, width * height),
                .. Ascii("\nendstream"),
            ]);
        }

        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, $"{offset:D10} 00000 n \n");
        }

        Write(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>An 8×8 grey PNG whose tEXt chunk carries the lines.</summary>
    public static byte[] Png(IReadOnlyList<string> lines)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 8);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 8);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        Chunk(png, "tEXt", [.. Ascii("Comment"), 0, .. Encoding.Latin1.GetBytes(Escape(lines))]);

        var rows = new byte[8 * 9];
        for (var row = 0; row < 8; row++)
        {
            rows[row * 9] = 0; // filter: none
            for (var x = 1; x < 9; x++)
            {
                rows[(row * 9) + x] = 0xE0;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>An 8×8 mid-grey baseline JPEG whose comment segment carries the lines.</summary>
    public static byte[] Jpeg(IReadOnlyList<string> lines)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. Ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(jpeg, 0xFE, Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, 0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);

        // One code of one bit in each table: DC difference category 0, and AC end-of-block.
        Segment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0]);
        Segment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0]);
        Segment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);

        // Bits 0 (DC: no change from mid-grey) and 0 (end of block), padded with ones.
        jpeg.Write([0x3F, 0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static string Escape(IReadOnlyList<string> lines) =>
        string.Join(" | ", lines.Select(l => string.Concat(l.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}"))));

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Ascii(type), .. data];
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static void Segment(Stream jpeg, byte marker, byte[] data)
    {
        jpeg.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)((data.Length + 2) & 0xFF)]);
        jpeg.Write(data);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{text}")));
}

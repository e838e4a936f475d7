using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// <c>scan</c>: writes a real PNG of about the size asked for (a scan's noise does not compress,
/// so neither does this: random pixels, stored without compression), for the uploads and for dd.
/// </summary>
internal static class Scan
{
    private const int Width = 1024;
    private const int BytesPerPixel = 3;
    private const int RowBytes = 1 + (Width * BytesPerPixel);

    /// <summary>Signature, IHDR, IEND and IDAT's framing, and zlib's stored-block framing (5 bytes per 64 KiB).</summary>
    private const int Overhead = 8 + 25 + 12 + 12 + 6;

    public static int Run(Arguments arguments)
    {
        var bytes = arguments.Long("bytes", 5 * 1024 * 1024);
        var rawBudget = (bytes - Overhead) * 65535 / 65540;
        var height = (int)(rawBudget / RowBytes);
        var pixels = new byte[height * RowBytes];
        new Random(arguments.Int("seed", 12)).NextBytes(pixels);
        for (var row = 0; row < height; row++)
        {
            pixels[row * RowBytes] = 0; // filter type None
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.NoCompression, leaveOpen: true))
        {
            zlib.Write(pixels);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB

        var file = arguments.Required("out");
        using (var png = File.Create(file))
        {
            png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            WriteChunk(png, "IHDR", header);
            WriteChunk(png, "IDAT", compressed.ToArray());
            WriteChunk(png, "IEND", []);
        }

        Console.WriteLine($"wrote {file}: {new FileInfo(file).Length:N0} bytes, {Width}x{height} PNG");
        return 0;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    /// <summary>The CRC-32 PNG chunks end with (ISO 3309, the one zip and Ethernet use).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}

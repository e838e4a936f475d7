using System.Globalization;

namespace TitleReview.Domain.Files;

/// <summary>Sizes for people: “10 MB”, “1.5 MB”, “512 KB”, “100 字节” (1 KB = 1024 bytes).</summary>
public static class FileSize
{
    public const long Kilobyte = 1024;
    public const long Megabyte = 1024 * Kilobyte;
    public const long Gigabyte = 1024 * Megabyte;

    /// <summary>
    /// One decimal at most, rounded down, so a limit is never shown larger than it is.
    /// </summary>
    public static string Format(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return bytes switch
        {
            >= Gigabyte => Scaled(bytes, Gigabyte) + " GB",
            >= Megabyte => Scaled(bytes, Megabyte) + " MB",
            >= Kilobyte => Scaled(bytes, Kilobyte) + " KB",
            _ => bytes.ToString(CultureInfo.InvariantCulture) + " 字节",
        };
    }

    private static string Scaled(long bytes, long unit)
    {
        var value = decimal.Floor(bytes * 10m / unit) / 10m;
        return value.ToString("0.#", CultureInfo.InvariantCulture);
    }
}

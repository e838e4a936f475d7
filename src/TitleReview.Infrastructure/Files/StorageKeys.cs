using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TitleReview.Infrastructure.Files;

/// <summary>
/// The one key format every file store issues, <c>uploads/ab/ab…(32 hex digits).bin</c> from a
/// random 128-bit id: a relative path under the data folder for the local store, the object
/// key for the S3 store, so rows and backups read the same whichever store wrote them.
/// </summary>
internal static partial class StorageKeys
{
    public const string Prefix = "uploads/";

    public static string New()
    {
        var id = NewId();
        return $"{Prefix}{id[..2]}/{id}.bin";
    }

    /// <summary>A random 128-bit id as 32 lower-case hex digits, for keys and staged files.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Refuses anything this format does not describe (a path, "..", upper-case hex, another
    /// folder, a trailing new line) before it comes near a disk or an object store.
    /// </summary>
    /// <exception cref="ArgumentException">Not a key a store issues.</exception>
    public static void Check(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        if (!Format().IsMatch(storageKey))
        {
            throw new ArgumentException("Not a storage key issued by this file store.", nameof(storageKey));
        }
    }

    /// <summary>The SHA-256 recorded for a file, 64 hex digits in either case, as bytes.</summary>
    /// <exception cref="ArgumentException">Not 64 hex digits.</exception>
    public static byte[] ParseSha256(string expectedSha256)
    {
        ArgumentNullException.ThrowIfNull(expectedSha256);
        if (expectedSha256.Length != SHA256.HashSizeInBytes * 2 || !expectedSha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("Expected a SHA-256 as 64 hex digits.", nameof(expectedSha256));
        }

        return Convert.FromHexString(expectedSha256);
    }

    [GeneratedRegex(@"\Auploads/([0-9a-f]{2})/\1[0-9a-f]{30}\.bin\z", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}

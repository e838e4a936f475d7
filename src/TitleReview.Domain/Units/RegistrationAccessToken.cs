using System.Security.Cryptography;
using System.Text;

namespace TitleReview.Domain.Units;

/// <summary>
/// The secret a unit uses to look up its registration without an account: 20 random characters
/// of Crockford's base32 (100 bits), shown once at registration and sent to the filler. The
/// registration number is sequential and the credit code public, so neither is a secret; only
/// the SHA-256 of the token is stored.
/// </summary>
public static class RegistrationAccessToken
{
    public const int Length = 20;
    public const int GroupLength = 5;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new token, grouped for reading aloud and typing (XXXXX-XXXXX-XXXXX-XXXXX).</summary>
    public static string New()
    {
        // 256 is a multiple of 32, so taking 5 bits of each byte keeps every character equally likely.
        var bytes = RandomNumberGenerator.GetBytes(Length);
        var characters = bytes.Select(b => Alphabet[b & 31]).ToArray();
        return string.Join('-', characters.Chunk(GroupLength).Select(group => new string(group)));
    }

    /// <summary>The stored form: SHA-256 of the token as typed, with case, spaces, dashes and look-alikes folded.</summary>
    public static string? Hash(string? typed)
    {
        var normalized = Normalize(typed);
        return normalized is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
    }

    private static string? Normalize(string? typed)
    {
        var builder = new StringBuilder(Length);
        foreach (var c in (typed ?? string.Empty).ToUpperInvariant())
        {
            var folded = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            };
            if (char.IsWhiteSpace(folded) || folded == '-')
            {
                continue;
            }

            if (!Alphabet.Contains(folded, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(folded);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }
}

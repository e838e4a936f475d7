using TitleReview.Domain.Common;

namespace TitleReview.Domain.Units;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015. Layout (1-based positions): 1 registration authority,
/// 2 organisation type, 3–8 administrative division code (digits), 9–17 organisation code,
/// 18 check character. Every position uses <see cref="Alphabet"/>.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;

    /// <summary>The 31 permitted characters; a character's value is its index here (I, O, Z, S, V are excluded).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Trims and upper-cases <paramref name="value"/>, then checks it.</summary>
    public static FieldCheck Validate(string? value)
    {
        var code = Normalize(value);
        if (code.Length == 0)
        {
            return FieldCheck.Invalid("请填写统一社会信用代码。");
        }

        if (code.Length != Length)
        {
            return FieldCheck.Invalid($"统一社会信用代码应为 18 位，当前为 {code.Length} 位。");
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (!Alphabet.Contains(code[i], StringComparison.Ordinal))
            {
                return FieldCheck.Invalid(
                    $"统一社会信用代码第 {i + 1} 位的字符“{code[i]}”无效：只能使用数字和除 I、O、Z、S、V 以外的大写英文字母。");
            }
        }

        var division = code.Substring(2, 6);
        if (!division.All(char.IsAsciiDigit))
        {
            return FieldCheck.Invalid($"统一社会信用代码第 3 至 8 位应为 6 位数字的行政区划码，当前为“{division}”。");
        }

        if (code[Length - 1] != CheckCharacter(code.AsSpan(0, Length - 1)))
        {
            // The expected character is deliberately not shown: a typo elsewhere would otherwise be
            // "fixed" by copying it into position 18, producing a well-formed but wrong code.
            return FieldCheck.Invalid("统一社会信用代码校验位（第 18 位）错误，请逐位核对后重新填写。");
        }

        return FieldCheck.Valid(code);
    }

    /// <summary>For lists: keeps the first 4 and last 4 characters, e.g. 9152**********K2XF.</summary>
    public static string Mask(string? value) => Masking.KeepEnds(Normalize(value), 4, 4);

    private static string Normalize(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}

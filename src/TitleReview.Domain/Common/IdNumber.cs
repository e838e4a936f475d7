using System.Globalization;

namespace TitleReview.Domain.Common;

/// <summary>
/// 居民身份证号码 per GB 11643-1999: 6-digit address code, 8-digit birth date (yyyyMMdd,
/// positions 7–14), 3-digit sequence code and a check character (a digit or X).
/// </summary>
public static class IdNumber
{
    public const int Length = 18;

    /// <summary>The earliest birth date accepted.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// Trims and upper-cases <paramref name="value"/> (x becomes X), then checks it. The birth date
    /// must not be after <paramref name="today"/>, which the caller passes in (Beijing date).
    /// </summary>
    public static FieldCheck Validate(string? value, DateOnly today)
    {
        var number = Normalize(value);
        if (number.Length == 0)
        {
            return FieldCheck.Invalid("请填写身份证号码。");
        }

        if (number.Length != Length)
        {
            return FieldCheck.Invalid($"身份证号码应为 18 位，当前为 {number.Length} 位。");
        }

        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return FieldCheck.Invalid($"身份证号码前 17 位应为数字，第 {i + 1} 位为“{number[i]}”。");
            }
        }

        var last = number[Length - 1];
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return FieldCheck.Invalid($"身份证号码第 18 位应为数字或 X，当前为“{last}”。");
        }

        var dateText = number.Substring(6, 8);
        if (ParseBirthDate(dateText) is not { } birthDate)
        {
            return FieldCheck.Invalid($"身份证号码中的出生日期“{dateText}”不是有效日期。");
        }

        if (birthDate < EarliestBirthDate)
        {
            return FieldCheck.Invalid($"身份证号码中的出生日期“{dateText}”早于 1900 年 1 月 1 日。");
        }

        if (birthDate > today)
        {
            return FieldCheck.Invalid($"身份证号码中的出生日期“{dateText}”晚于今天。");
        }

        if (last != CheckCharacter(number.AsSpan(0, Length - 1)))
        {
            // The expected character is deliberately not shown (see UnifiedSocialCreditCode).
            return FieldCheck.Invalid("身份证号码校验位（第 18 位）错误，请逐位核对后重新填写。");
        }

        return FieldCheck.Valid(number);
    }

    /// <summary>
    /// The birth date in positions 7–14 when the trimmed value is 18 characters long and they form
    /// a real calendar date; otherwise null. It does not check the rest of the number: call
    /// <see cref="Validate"/> first.
    /// </summary>
    public static DateOnly? BirthDate(string? value)
    {
        var number = Normalize(value);
        return number.Length == Length ? ParseBirthDate(number.Substring(6, 8)) : null;
    }

    /// <summary>For lists: first 6 and last 4 characters, e.g. 110105********002X.</summary>
    public static string Mask(string? value) => Masking.KeepEnds(Normalize(value), 6, 4);

    private static string Normalize(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    private static DateOnly? ParseBirthDate(string yyyyMMdd) =>
        DateOnly.TryParseExact(yyyyMMdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}

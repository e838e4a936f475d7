namespace TitleReview.Domain.Common;

/// <summary>
/// A mainland China mobile number: 11 digits, the first 1 and the second 3–9. Spaces, hyphens and
/// a leading +86 or 86 country code are accepted on input and removed.
/// </summary>
public static class MobileNumber
{
    public const int Length = 11;

    /// <summary>Removes separators and the country code, then checks the remaining digits.</summary>
    public static FieldCheck Validate(string? value)
    {
        var number = Normalize(value);
        if (number.Length == 0)
        {
            return FieldCheck.Invalid("请填写手机号码。");
        }

        var bad = number.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (bad != default)
        {
            return FieldCheck.Invalid($"手机号码只能包含数字，当前含有“{bad}”。");
        }

        if (number.Length != Length)
        {
            return FieldCheck.Invalid($"手机号码应为 11 位数字，当前为 {number.Length} 位。");
        }

        if (number[0] != '1' || number[1] < '3' || number[1] > '9')
        {
            return FieldCheck.Invalid($"手机号码应以 13 至 19 开头，当前以“{number[..2]}”开头。");
        }

        return FieldCheck.Valid(number);
    }

    /// <summary>For lists: first 3 and last 4 digits, e.g. 138****5678.</summary>
    public static string Mask(string? value) => Masking.KeepEnds(Normalize(value), 3, 4);

    /// <summary>
    /// For lists that show user names: auditors and applicants sign in with their mobile number,
    /// so a user name that is a mobile number is shown masked; any other name (“office”) as it is.
    /// </summary>
    public static string MaskIfMobile(string? userName) =>
        Validate(userName).IsValid ? Mask(userName) : userName ?? string.Empty;

    private static string Normalize(string? value)
    {
        var number = string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-'));

        if (number.StartsWith("+86", StringComparison.Ordinal))
        {
            return number[3..];
        }

        // A bare 86 is a country code only in front of a full 11-digit number; no mobile number starts with 8.
        if (number.Length == Length + 2 && number.StartsWith("86", StringComparison.Ordinal))
        {
            return number[2..];
        }

        return number;
    }
}

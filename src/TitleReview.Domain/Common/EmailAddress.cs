using System.Text.RegularExpressions;

namespace TitleReview.Domain.Common;

/// <summary>An e-mail address as people type it: one @, a dotted domain, no spaces.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 128;

    public static FieldCheck Validate(string? value)
    {
        var address = value?.Trim() ?? string.Empty;
        if (address.Length == 0)
        {
            return FieldCheck.Invalid("请填写电子邮箱。");
        }

        if (address.Length > MaxLength || !Pattern().IsMatch(address))
        {
            return FieldCheck.Invalid("电子邮箱格式不正确，应如 name@example.com。");
        }

        return FieldCheck.Valid(address);
    }

    /// <summary>For pages that confirm where something was sent: w***@example.com.</summary>
    public static string Mask(string? value)
    {
        var address = value?.Trim() ?? string.Empty;
        var at = address.IndexOf('@');
        return at <= 0 ? Masking.KeepEnds(address, 0, 0) : string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Pattern();
}

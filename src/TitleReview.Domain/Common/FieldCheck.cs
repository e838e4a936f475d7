using System.Diagnostics.CodeAnalysis;

namespace TitleReview.Domain.Common;

/// <summary>
/// The outcome of checking one input field: either valid with the normalized value to store,
/// or invalid with a Chinese reason that is shown to the user as it is.
/// </summary>
public sealed record FieldCheck
{
    private FieldCheck(bool isValid, string? normalized, string? error)
    {
        IsValid = isValid;
        Normalized = normalized;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Normalized))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid { get; }

    /// <summary>The value in its canonical form; set only when <see cref="IsValid"/> is true.</summary>
    public string? Normalized { get; }

    /// <summary>Why the value was refused, in Chinese; set only when <see cref="IsValid"/> is false.</summary>
    public string? Error { get; }

    public static FieldCheck Valid(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return new FieldCheck(true, normalized, null);
    }

    public static FieldCheck Invalid(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new FieldCheck(false, null, error);
    }
}

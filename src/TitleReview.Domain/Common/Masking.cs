namespace TitleReview.Domain.Common;

/// <summary>Hides the middle of an identifier for display in lists.</summary>
internal static class Masking
{
    /// <summary>
    /// Keeps <paramref name="keepStart"/> leading and <paramref name="keepEnd"/> trailing characters
    /// and replaces each character between them with '*'. A value too short to keep both ends is
    /// masked entirely, so a malformed value never shows more than a well-formed one would.
    /// </summary>
    public static string KeepEnds(string value, int keepStart, int keepEnd)
    {
        if (value.Length <= keepStart + keepEnd)
        {
            return new string('*', value.Length);
        }

        return string.Concat(
            value.AsSpan(0, keepStart),
            new string('*', value.Length - keepStart - keepEnd),
            value.AsSpan(value.Length - keepEnd));
    }
}

namespace TitleReview.Domain.Common;

/// <summary>A person's name shown to someone who needs to know that the person exists, not who it is.</summary>
public static class PersonNames
{
    /// <summary>Keeps the surname and, for three characters or more, the last character: 张*丽, 李*.</summary>
    public static string Mask(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return trimmed.Length switch
        {
            0 => string.Empty,
            1 => "*",
            2 => Masking.KeepEnds(trimmed, 1, 0),
            _ => Masking.KeepEnds(trimmed, 1, 1),
        };
    }
}

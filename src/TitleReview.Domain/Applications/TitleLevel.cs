namespace TitleReview.Domain.Applications;

public enum TitleLevel
{
    /// <summary>助理政工师.</summary>
    Assistant = 1,

    /// <summary>政工师.</summary>
    Intermediate = 2,

    /// <summary>高级政工师.</summary>
    Senior = 3,
}

public static class TitleLevels
{
    public static string DisplayName(TitleLevel level) => level switch
    {
        TitleLevel.Assistant => "助理政工师",
        TitleLevel.Intermediate => "政工师",
        TitleLevel.Senior => "高级政工师",
        _ => level.ToString(),
    };
}

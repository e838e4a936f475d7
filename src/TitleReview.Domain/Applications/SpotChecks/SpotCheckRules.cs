namespace TitleReview.Domain.Applications.SpotChecks;

public enum DrawMode
{
    None = 0,
    Count = 1,
    Percent = 2,
}

/// <summary>How many to draw: none, a count, or a whole percentage of those in scope.</summary>
public sealed record DrawAmount(DrawMode Mode, int Value)
{
    public static readonly DrawAmount Nothing = new(DrawMode.None, 0);

    public string Describe(string noun) => Mode switch
    {
        DrawMode.Count => $"{Value} {noun}",
        DrawMode.Percent => $"{Value}%",
        _ => "不抽取",
    };
}

/// <summary>
/// The office's definition of a campaign's draw (抽查复核): the share of units, the persons within
/// each chosen unit (all when <see cref="PersonsPerUnit"/> is null), the persons across the other
/// candidates (per level if asked), and the Beijing date by which chosen units bring the originals.
/// </summary>
public sealed record SpotCheckRules(DrawAmount Units, int? PersonsPerUnit, DrawAmount Across, bool AcrossPerLevel, DateOnly OriginalsDueOn)
{
    public string Describe() =>
        $"抽取单位：{Units.Describe("个")}；抽中单位内：{(PersonsPerUnit is { } n ? $"每单位 {n} 人" : "全部人员")}；"
        + $"其余申报人中抽取：{Across.Describe("人")}{(Across.Mode != DrawMode.None && AcrossPerLevel ? "（按申报等级分别抽取）" : string.Empty)}；"
        + $"原件报送截止：{OriginalsDueOn:yyyy年M月d日}";
}

namespace TitleReview.Domain.Units;

/// <summary>Guizhou's nine cities and autonomous prefectures, and 省直 for provincial bodies.</summary>
public static class Regions
{
    public const string Provincial = "省直";

    public static readonly IReadOnlyList<string> All =
    [
        Provincial,
        "贵阳市",
        "六盘水市",
        "遵义市",
        "安顺市",
        "毕节市",
        "铜仁市",
        "黔西南州",
        "黔东南州",
        "黔南州",
    ];

    public static bool IsKnown(string? region) => region is not null && All.Contains(region);
}

using TitleReview.Domain.Common;

namespace TitleReview.Domain.Units;

/// <summary>
/// Guizhou's nine cities and autonomous prefectures, 省直 for provincial bodies, and 省外单位 for
/// enterprises from other provinces, which the notice also accepts (非本省企业人员在我办申报).
/// </summary>
public static class Regions
{
    public const string Provincial = "省直";

    /// <summary>Chosen by a unit outside Guizhou instead of a Guizhou region.</summary>
    public const string OutOfProvince = "省外单位";

    public const string MissingMessage = "请选择所属地区（贵州省九个市州、省直，或省外单位）。";

    /// <summary>Shown next to the choice: who picks 省外单位, and what it means for the papers.</summary>
    public const string OutOfProvinceHint = "贵州省外的企业请选择“省外单位”，单位性质选“省外企业”；申报政工师、高级政工师须提交上级主管单位人事（职称）部门出具的委托评审函。";

    public static readonly IReadOnlyList<string> InGuizhou =
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

    /// <summary>Every choice, in the order the form lists them: Guizhou's first, then 省外单位.</summary>
    public static readonly IReadOnlyList<string> All = [.. InGuizhou, OutOfProvince];

    public static bool IsKnown(string? region) => region is not null && All.Contains(region);

    public static bool IsOutOfProvince(string? region) => region == OutOfProvince;

    /// <summary>
    /// Rule: the region is one of <see cref="All"/>, and it agrees with the unit's nature: an
    /// 省外企业 picks 省外单位, and a 省直企业 or 市（州）企业 picks a Guizhou region, so that a
    /// unit outside Guizhou never has to pretend to belong to a Guizhou region and a Guizhou
    /// enterprise never leaves its region. (“其他” may be either.)
    /// </summary>
    public static FieldCheck Check(string? region, UnitNature? nature)
    {
        var value = region?.Trim();
        if (!IsKnown(value))
        {
            return FieldCheck.Invalid(MissingMessage);
        }

        if (nature == UnitNature.OutOfProvinceEnterprise && !IsOutOfProvince(value))
        {
            return FieldCheck.Invalid($"单位性质为“省外企业”的，所属地区请选择“{OutOfProvince}”，而不是贵州省的“{value}”。");
        }

        if (nature is UnitNature.ProvincialEnterprise or UnitNature.CityOrPrefectureEnterprise && IsOutOfProvince(value))
        {
            return FieldCheck.Invalid($"单位性质为“{UnitNatures.DisplayName(nature.Value)}”的是贵州省内单位，所属地区请选择所在市州或省直；贵州省外的企业，单位性质请选择“省外企业”。");
        }

        return FieldCheck.Valid(value!);
    }
}

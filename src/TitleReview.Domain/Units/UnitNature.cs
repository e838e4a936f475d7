namespace TitleReview.Domain.Units;

/// <summary>申报单位性质: decides, among other things, whether an entrustment letter is needed.</summary>
public enum UnitNature
{
    /// <summary>省直企业.</summary>
    ProvincialEnterprise = 1,

    /// <summary>市州企业.</summary>
    CityOrPrefectureEnterprise = 2,

    /// <summary>省外企业.</summary>
    OutOfProvinceEnterprise = 3,

    /// <summary>其他.</summary>
    Other = 4,
}

namespace TitleReview.Domain.Units;

public static class UnitNatures
{
    public static string DisplayName(UnitNature nature) => nature switch
    {
        UnitNature.ProvincialEnterprise => "省直企业",
        UnitNature.CityOrPrefectureEnterprise => "市（州）企业",
        UnitNature.OutOfProvinceEnterprise => "省外企业",
        UnitNature.Other => "其他",
        _ => nature.ToString(),
    };
}

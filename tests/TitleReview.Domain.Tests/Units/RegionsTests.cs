using TitleReview.Domain.Units;

namespace TitleReview.Domain.Tests.Units;

/// <summary>Units in Guizhou pick their region; units from other provinces pick 省外单位.</summary>
public class RegionsTests
{
    [Test]
    public void All_ListsGuizhousRegionsThenOutOfProvince()
    {
        Regions.All.Should().HaveCount(11);
        Regions.All[^1].Should().Be("省外单位");
        Regions.InGuizhou.Should().NotContain(Regions.OutOfProvince);
    }

    [TestCase("黔南州", UnitNature.CityOrPrefectureEnterprise)]
    [TestCase("省直", UnitNature.ProvincialEnterprise)]
    [TestCase("省外单位", UnitNature.OutOfProvinceEnterprise)]
    [TestCase(" 省外单位 ", UnitNature.OutOfProvinceEnterprise, TestName = "Check_TrimsTheRegion")]
    [TestCase("贵阳市", null, TestName = "Check_WithoutANature_ChecksTheRegionOnly")]
    public void Check_WhenRegionFitsTheNature_IsValid(string region, UnitNature? nature)
    {
        var result = Regions.Check(region, nature);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(region.Trim());
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("上海市")]
    public void Check_WhenNotAChoice_Refuses(string? region)
    {
        Regions.Check(region, UnitNature.Other).Error.Should().Be("请选择所属地区（贵州省九个市州、省直，或省外单位）。");
    }

    [Test]
    public void Check_WhenOutOfProvinceEnterprisePicksAGuizhouRegion_Refuses()
    {
        Regions.Check("遵义市", UnitNature.OutOfProvinceEnterprise).Error
            .Should().Be("单位性质为“省外企业”的，所属地区请选择“省外单位”，而不是贵州省的“遵义市”。");
    }

    [TestCase(UnitNature.ProvincialEnterprise, "省直企业")]
    [TestCase(UnitNature.CityOrPrefectureEnterprise, "市（州）企业")]
    public void Check_WhenAGuizhouEnterprisePicksOutOfProvince_Refuses(UnitNature nature, string natureName)
    {
        Regions.Check("省外单位", nature).Error
            .Should().Be($"单位性质为“{natureName}”的是贵州省内单位，所属地区请选择所在市州或省直；贵州省外的企业，单位性质请选择“省外企业”。");
    }

    [Test]
    public void Check_WhenOtherNaturePicksOutOfProvince_IsValid()
    {
        Regions.Check("省外单位", UnitNature.Other).IsValid.Should().BeTrue();
    }
}

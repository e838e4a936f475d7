using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Eligibility;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class ProfessionalShareRuleTests
{
    [Test]
    public void Share_ExactlyTwoThirds_IsMet()
    {
        var rule = new ProfessionalShareRule(Facts with { ContinuingEducation = [new HoursOfYear(2022, 90, 60)] }, Terms());

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().Be("2022 年度专业科目 60 学时，共 90 学时；要求专业科目不少于当年学时的三分之二");
    }

    [Test]
    public void Share_OneHourLessThanTwoThirds_IsBroken()
    {
        var rule = new ProfessionalShareRule(Facts with { ContinuingEducation = [new HoursOfYear(2022, 90, 59)] }, Terms());

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Contain("至少应为 60 学时");
    }

    [Test]
    public void Share_WhenHoursDoNotDivide_ComparesExactly()
    {
        // 2/3 of 97 is 64.67: 65 meets it, 64 does not, with no rounding in between.
        new ProfessionalShareRule(Facts with { ContinuingEducation = [new HoursOfYear(2022, 97, 65)] }, Terms()).IsBroken().Should().BeFalse();
        new ProfessionalShareRule(Facts with { ContinuingEducation = [new HoursOfYear(2022, 97, 64)] }, Terms()).IsBroken().Should().BeTrue();
    }

    [Test]
    public void Share_AsTheCampaignConfiguresIt_IsApplied()
    {
        var facts = Facts with { ContinuingEducation = [new HoursOfYear(2022, 100, 66)] };

        var rule = new ProfessionalShareRule(facts, Terms(Rule with { ProfessionalShare = new ProfessionalShare(7, 10) }));

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().EndWith("不少于当年学时的7/10");
    }

    [Test]
    public void Share_OfAMissingYear_IsBroken() =>
        new ProfessionalShareRule(Facts with { ContinuingEducation = [] }, Terms()).Detail.Should().StartWith("2022 年度未填写，无法核算");
}

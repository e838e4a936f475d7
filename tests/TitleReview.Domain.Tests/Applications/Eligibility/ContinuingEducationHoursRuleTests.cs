using TitleReview.Domain.Applications.Eligibility;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class ContinuingEducationHoursRuleTests
{
    [Test]
    public void Hours_ExactlyAtTheThreshold_AreMet()
    {
        var rule = new ContinuingEducationHoursRule(Facts with { ContinuingEducation = [new HoursOfYear(2022, 90, 60)] }, Terms());

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().Be("2022 年度 90 学时；要求每年不少于 90 学时");
    }

    [Test]
    public void Hours_OneBelowTheThreshold_AreBroken()
    {
        var rule = new ContinuingEducationHoursRule(Facts with { ContinuingEducation = [new HoursOfYear(2022, 89, 60)] }, Terms());

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Be("2022 年度 89 学时（差 1 学时）；要求每年不少于 90 学时");
    }

    [Test]
    public void Hours_CheckEachRequiredYear()
    {
        var facts = Facts with { ContinuingEducation = [new HoursOfYear(2022, 96, 66), new HoursOfYear(2020, 96, 66)] };

        var rule = new ContinuingEducationHoursRule(facts, Terms(Rule with { EducationYears = 3 }));

        rule.IsBroken().Should().BeTrue("2021 is missing");
        rule.Detail.Should().Be("2020 年度 96 学时；缺少 2021 年度的继续教育学时；2022 年度 96 学时；要求每年不少于 90 学时");
    }

    [Test]
    public void Hours_WhenNoYearIsChecked_AreMet() =>
        new ContinuingEducationHoursRule(Facts with { ContinuingEducation = [] }, Terms(Rule with { EducationYears = 0 })).IsBroken().Should().BeFalse();
}

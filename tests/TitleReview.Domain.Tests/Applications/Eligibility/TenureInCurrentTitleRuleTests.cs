using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class TenureInCurrentTitleRuleTests
{
    private static EligibilityTerms FiveYears => Terms(Rule with { MinYearsInCurrentTitle = 5 });

    [Test]
    public void Tenure_WhenFullYearsAtTheCutoff_IsMet()
    {
        var rule = new TenureInCurrentTitleRule(Facts with { CurrentTitleDate = new DateOnly(2018, 12, 31) }, FiveYears);

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().StartWith("任现职 5 年 0 个月").And.EndWith("要求满 5 年");
    }

    [Test]
    public void Tenure_WhenOneDayShortAtDecember31_IsBroken()
    {
        var rule = new TenureInCurrentTitleRule(Facts with { CurrentTitleDate = new DateOnly(2019, 1, 1) }, FiveYears);

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Be("任现职 4 年 11 个月（2019年1月1日起，计算至2023年12月31日），要求满 5 年");
    }

    [Test]
    public void Tenure_WhenMonthsShort_SaysTheYearsAndMonths()
    {
        var rule = new TenureInCurrentTitleRule(Facts with { CurrentTitleDate = new DateOnly(2019, 5, 10) }, FiveYears);

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().StartWith("任现职 4 年 7 个月");
    }

    [Test]
    public void Tenure_WithoutTheDate_IsBroken()
    {
        var rule = new TenureInCurrentTitleRule(Facts with { CurrentTitleDate = null }, FiveYears);

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Be("未填写任现职时间，要求任现职满 5 年");
    }

    [Test]
    public void Tenure_OfAFirstEvaluation_IsNotCounted()
    {
        var rule = new TenureInCurrentTitleRule(Facts with { EvaluationType = EvaluationType.FirstEvaluation, CurrentTitleDate = null }, FiveYears);

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().Be("首评，不计任现职年限");
    }
}

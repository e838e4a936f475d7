using TitleReview.Domain.Applications.Eligibility;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class WorkMaterialWordCountRuleTests
{
    [Test]
    public void Words_ExactlyAtTheRequirement_AreMet() =>
        new WorkMaterialWordCountRule(Facts with { WordCountSinceCurrentTitle = 5000 }, Rule).IsBroken().Should().BeFalse();

    [Test]
    public void Words_BelowTheRequirement_AreBroken_WithTheShortfall()
    {
        var rule = new WorkMaterialWordCountRule(Facts with { WordCountSinceCurrentTitle = 4200 }, Rule);

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Be("任现职以来的工作材料共 4200 字，要求不少于 5000 字（差 800 字）");
    }
}

public class PublishedPapersRuleTests
{
    [Test]
    public void Papers_BelowTheRequirement_AreBroken()
    {
        var rule = new PublishedPapersRule(Facts with { PapersSinceCurrentTitle = 0 }, Rule);

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Be("任现职以来公开发表的论文 0 篇，要求不少于 1 篇");
    }

    [Test]
    public void Papers_AtTheRequirement_AreMet() =>
        new PublishedPapersRule(Facts, Rule).IsBroken().Should().BeFalse();
}

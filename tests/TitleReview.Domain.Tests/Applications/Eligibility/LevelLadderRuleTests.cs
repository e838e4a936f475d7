using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class LevelLadderRuleTests
{
    [Test]
    public void Ladder_OneLevelUp_IsMet()
    {
        var rule = new LevelLadderRule(Facts, Rule);

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().Contain("逐级申报");
    }

    [Test]
    public void Ladder_WhenASkippedLevel_IsBroken()
    {
        var facts = Facts with { Level = TitleLevel.Senior, CurrentTitleLevel = CurrentTitleLevel.Assistant };

        var rule = new LevelLadderRule(facts, LevelRule.DefaultFor(TitleLevel.Senior));

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Contain("越 1 级申报").And.Contain("不允许越级");
    }

    [Test]
    public void Ladder_WhenASkippedLevelIsAllowed_IsMet()
    {
        var facts = Facts with { Level = TitleLevel.Senior, CurrentTitleLevel = CurrentTitleLevel.Assistant };

        var rule = new LevelLadderRule(facts, LevelRule.DefaultFor(TitleLevel.Senior) with { SkippingAllowed = true });

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().Contain("允许越级");
    }

    [Test]
    public void Ladder_WhenTheSameLevelIsHeld_IsBroken()
    {
        var rule = new LevelLadderRule(Facts with { CurrentTitleLevel = CurrentTitleLevel.Intermediate }, Rule);

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Contain("不低于申报的政工师");
    }

    [Test]
    public void Ladder_WithoutTheCurrentLevel_IsBroken()
    {
        var rule = new LevelLadderRule(Facts with { CurrentTitleLevel = null }, Rule);

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Be("未选择现任职务等级，无法核对能否申报政工师");
    }

    [Test]
    public void Ladder_OfAFirstEvaluationForTheEntryLevel_IsMet()
    {
        var facts = Facts with { Level = TitleLevel.Assistant, EvaluationType = EvaluationType.FirstEvaluation, CurrentTitleLevel = CurrentTitleLevel.None };

        new LevelLadderRule(facts, LevelRule.DefaultFor(TitleLevel.Assistant)).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Ladder_OfAFirstEvaluationAboveTheEntryLevel_IsBroken_UnlessConfigured()
    {
        var facts = Facts with { EvaluationType = EvaluationType.FirstEvaluation, CurrentTitleLevel = CurrentTitleLevel.None };

        var closed = new LevelLadderRule(facts, Rule);
        var opened = new LevelLadderRule(facts, Rule with { FirstEvaluationOpen = true });

        closed.IsBroken().Should().BeTrue();
        closed.Detail.Should().Be("首评申报政工师，本年度该等级不接受首评");
        opened.IsBroken().Should().BeFalse();
    }
}

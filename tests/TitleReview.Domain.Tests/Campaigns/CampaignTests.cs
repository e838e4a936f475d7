using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Tests.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Campaigns;

/// <summary>Each rule of <see cref="Campaign"/>, broken one at a time, and what a refusal leaves unchanged.</summary>
public class CampaignTests
{
    private static readonly StageCatalogue Catalogue = new(
    [
        new StageDefinition("filing", "申报人填报与单位审核"),
        new StageDefinition("unitPublicity", "单位公示及报送电子材料"),
    ]);

    private static readonly DateTimeOffset Now = Day(2030, 7, 1);

    [Test]
    public void Create_WithAValidTimeline_KeepsTheDefaultLevelRulesAndEachStageInOrder()
    {
        var campaign = NewCampaign();

        campaign.Stages.Select(s => s.Key).Should().Equal("filing", "unitPublicity");
        campaign.Rules.Select(r => r.Level).Should().Equal(TitleLevel.Assistant, TitleLevel.Intermediate, TitleLevel.Senior);
        campaign.RuleFor(TitleLevel.Senior).Should().Be(LevelRule.DefaultFor(TitleLevel.Senior));
    }

    [TestCase(1999)]
    [TestCase(2101)]
    public void Create_WhenTheYearIsOutOfRange_BreaksCampaignYearInRange(int year)
    {
        var rule = RuleAssert.Breaks<CampaignYearInRangeRule>(() => NewCampaign(year: year, cutoff: new DateOnly(year, 12, 31)));

        rule.Message.Should().Be("年度须在 2000 到 2100 之间。");
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Create_WithoutAName_BreaksCampaignHasAName(string name)
    {
        RuleAssert.Breaks<CampaignHasANameRule>(() => NewCampaign(name: name));
    }

    [Test]
    public void Create_WhenTheTenureCutoffIsInAnotherYear_BreaksTenureCutoffInCampaignYear()
    {
        var rule = RuleAssert.Breaks<TenureCutoffInCampaignYearRule>(() => NewCampaign(cutoff: new DateOnly(2029, 12, 31)));

        rule.Message.Should().Be("任职年限终算时间应在 2030 年内（通常为 2030-12-31）。");
    }

    [Test]
    public void Create_WithABrokenTimeline_BreaksTimelineKeepsItsRules_NamingEveryProblem()
    {
        var broken = new List<StageWindow> { new("filing", "申报人填报与单位审核", Day(2030, 9, 1), Day(2030, 8, 1)) };

        var rule = RuleAssert.Breaks<TimelineKeepsItsRulesRule>(() => NewCampaign(stages: broken));

        rule.Message.Should().Contain("缺少阶段“单位公示及报送电子材料”的时间安排。").And.Contain("“申报人填报与单位审核”的结束时间必须晚于开始时间。");
    }

    [Test]
    public void MoveWindow_WhenTheMovedTimelineBreaksARule_ChangesNothing()
    {
        var campaign = NewCampaign();
        var token = campaign.ConcurrencyToken;

        RuleAssert.Breaks<TimelineKeepsItsRulesRule>(() => campaign.MoveWindow("unitPublicity", Day(2030, 7, 1), Day(2030, 9, 9)));

        campaign.Stage("unitPublicity").OpensAt.Should().Be(Day(2030, 8, 1));
        campaign.ConcurrencyToken.Should().Be(token);
    }

    [Test]
    public void MoveWindow_WhenTheTimelineStaysValid_MovesTheStageAndRenewsTheToken()
    {
        var campaign = NewCampaign();
        var token = campaign.ConcurrencyToken;

        var before = campaign.MoveWindow("unitPublicity", Day(2030, 8, 2), Day(2030, 9, 10));

        before.OpensAt.Should().Be(Day(2030, 8, 1));
        campaign.Stage("unitPublicity").ClosesAt.Should().Be(Day(2030, 9, 10));
        campaign.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void Stage_NotInTheCampaign_BreaksCampaignHasTheStage()
    {
        var campaign = NewCampaign();

        var rule = RuleAssert.Breaks<CampaignHasTheStageRule>(() => campaign.Stage("committee"));

        rule.Message.Should().Be("年度评审工作中没有阶段“committee”。");
    }

    [TestCase(-1, 1, 0, 0, 0)]
    [TestCase(90, 11, 0, 0, 0)]
    [TestCase(90, -1, 0, 0, 0)]
    [TestCase(90, 1, -1, 0, 0)]
    [TestCase(90, 1, 0, -1, 0)]
    [TestCase(90, 1, 0, 0, -1)]
    public void SetRule_WithANegativeCountOrTooManyEducationYears_BreaksLevelRuleValuesInRange_AndKeepsTheOldRule(int hours, int educationYears, int words, int papers, int years)
    {
        var campaign = NewCampaign();

        RuleAssert.Breaks<LevelRuleValuesInRangeRule>(() => campaign.SetRule(new LevelRule(TitleLevel.Senior, hours, educationYears, words, papers, years)));

        campaign.RuleFor(TitleLevel.Senior).Should().Be(LevelRule.DefaultFor(TitleLevel.Senior));
    }

    [Test]
    public void SetRule_WithValidValues_ReplacesThatLevelsRuleOnly()
    {
        var campaign = NewCampaign();
        var stricter = new LevelRule(TitleLevel.Senior, 100, 3, 10000, 3, 5);

        campaign.SetRule(stricter);

        campaign.RuleFor(TitleLevel.Senior).Should().Be(stricter);
        campaign.RuleFor(TitleLevel.Intermediate).Should().Be(LevelRule.DefaultFor(TitleLevel.Intermediate));
    }

    [Test]
    public void WindowsShiftedBy_OneYear_MovesEveryWindowToTheSameDaysNextYear()
    {
        var campaign = NewCampaign();

        campaign.WindowsShiftedBy(1).Select(w => (w.Key, w.OpensAt)).Should().Equal(("filing", Day(2031, 8, 1)), ("unitPublicity", Day(2031, 8, 1)));
    }

    private static Campaign NewCampaign(int year = 2030, string name = "2030年度评审", DateOnly? cutoff = null, IReadOnlyList<StageWindow>? stages = null) =>
        Campaign.Create(Guid.NewGuid(), year, name, cutoff ?? new DateOnly(2030, 12, 31), stages ?? Timeline(), Catalogue, Now);

    private static List<StageWindow> Timeline() =>
    [
        new("filing", "申报人填报与单位审核", Day(2030, 8, 1), Day(2030, 9, 1)),
        new("unitPublicity", "单位公示及报送电子材料", Day(2030, 8, 1), Day(2030, 9, 9)),
    ];

    private static DateTimeOffset Day(int year, int month, int day) => BeijingTime.StartOfDay(new DateOnly(year, month, day));
}

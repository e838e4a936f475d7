using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Campaigns;

/// <summary>A timeline is checked against the stage catalogue it is created with, never a list in C#.</summary>
public class TimelineRulesTests
{
    // A catalogue as a campaign definition would declare it: the publicity feedback lies within preliminary review.
    private static readonly StageCatalogue Catalogue = new(
    [
        new StageDefinition("filing", "申报人填报与单位审核"),
        new StageDefinition("unitPublicity", "单位公示及报送电子材料"),
        new StageDefinition("preliminaryReview", "初审及公示"),
        new StageDefinition("publicityFeedback", "公示结果反馈", Within: "preliminaryReview"),
        new StageDefinition("spotCheck", "抽查复核"),
    ]);

    private static readonly DateTimeOffset Now = Day(2030, 7, 1);

    [Test]
    public void Check_OfATimelineWithEveryStageInOrder_FindsNothing()
    {
        TimelineRules.Check(Timeline(), Catalogue).Should().BeEmpty();
    }

    [Test]
    public void Check_WithinStageInsideItsParent_IsLeftOutOfTheCalendarOrder()
    {
        // Closes long before preliminary review closes, and the spot check opens before it closes:
        // both would break the calendar order if the feedback were an ordinary stage.
        var timeline = Timeline(("publicityFeedback", Day(2030, 9, 20), Day(2030, 10, 1)));

        TimelineRules.Check(timeline, Catalogue).Should().BeEmpty();
    }

    [Test]
    public void Check_WithinStageOutsideItsParent_IsRefusedNamingBoth()
    {
        var timeline = Timeline(("publicityFeedback", Day(2030, 10, 20), Day(2030, 11, 3)));

        var problems = TimelineRules.Check(timeline, Catalogue);

        problems.Should().ContainSingle();
        problems[0].StageKey.Should().Be("publicityFeedback");
        problems[0].Message.Should().Be("“公示结果反馈”（2030-10-20 00:00:00 至 2030-11-02 23:59:59）须在“初审及公示”的时间（2030-09-20 00:00:00 至 2030-10-26 23:59:59）之内。");
    }

    [Test]
    public void Check_WithinStageOpeningBeforeItsParent_IsRefused()
    {
        var timeline = Timeline(("publicityFeedback", Day(2030, 9, 19), Day(2030, 10, 1)));

        TimelineRules.Check(timeline, Catalogue).Should().ContainSingle(p => p.StageKey == "publicityFeedback" && p.Message.Contains("须在“初审及公示”的时间"));
    }

    [Test]
    public void Check_MissingStage_NamesItByTheCataloguesName()
    {
        var timeline = Timeline().Where(w => w.Key != "publicityFeedback").ToList();

        TimelineRules.Check(timeline, Catalogue).Should().ContainSingle()
            .Which.Should().Be(("publicityFeedback", "缺少阶段“公示结果反馈”的时间安排。"));
    }

    [Test]
    public void Check_UnknownStage_IsRefused()
    {
        var timeline = Timeline().Append(new StageWindow("lunch", "午餐", Day(2030, 8, 1), Day(2030, 8, 2))).ToList();

        TimelineRules.Check(timeline, Catalogue).Should().ContainSingle().Which.Should().Be(("lunch", "未知的阶段“lunch”。"));
    }

    [Test]
    public void Check_StageTwice_IsRefused()
    {
        var timeline = Timeline().Append(new StageWindow("spotCheck", "抽查复核", Day(2030, 10, 23), Day(2030, 11, 1))).ToList();

        TimelineRules.Check(timeline, Catalogue).Should().Contain(("spotCheck", "阶段“抽查复核”重复出现。"));
    }

    [Test]
    public void Check_OtherStages_StillKeepTheCalendarOrder_AgainstThePreviousOrdinaryStage()
    {
        // The spot check opens before preliminary review: its previous stage is preliminary review, not the feedback within it.
        var timeline = Timeline(("spotCheck", Day(2030, 9, 1), Day(2030, 11, 1)));

        var problems = TimelineRules.Check(timeline, Catalogue);

        problems.Should().ContainSingle().Which.Message.Should().Be(
            "“抽查复核”的开始时间（2030-09-01 00:00:00）不能早于上一阶段“初审及公示”的开始时间（2030-09-20 00:00:00）。");
    }

    [Test]
    public void Check_OrdinaryStageClosingBeforeThePrevious_IsRefused()
    {
        var timeline = Timeline(("unitPublicity", Day(2030, 8, 1), Day(2030, 8, 20)));

        TimelineRules.Check(timeline, Catalogue).Should().ContainSingle()
            .Which.Message.Should().Contain("“单位公示及报送电子材料”的结束时间不能早于上一阶段“申报人填报与单位审核”的结束时间");
    }

    [Test]
    public void Check_WindowClosingBeforeItOpens_IsRefused()
    {
        var timeline = Timeline(("publicityFeedback", Day(2030, 10, 10), Day(2030, 10, 1)));

        TimelineRules.Check(timeline, Catalogue).Should().Contain(("publicityFeedback", "“公示结果反馈”的结束时间必须晚于开始时间。"));
    }

    [Test]
    public void Create_StoresEachStagesOrderAndParent_AndMoveWindowChecksTheCampaignsOwnStages()
    {
        var campaign = Campaign.Create(Guid.NewGuid(), 2030, "2030年度评审", new DateOnly(2030, 12, 31), Timeline(), Catalogue, Now);

        campaign.Stages.Select(s => (s.Key, s.Order, s.Within)).Should().Equal(
            ("filing", 1, null),
            ("unitPublicity", 2, null),
            ("preliminaryReview", 3, null),
            ("publicityFeedback", 4, "preliminaryReview"),
            ("spotCheck", 5, null));
        campaign.Catalogue.Stages.Select(s => s.Key).Should().Equal(Catalogue.Stages.Select(s => s.Key));

        var outside = () => campaign.MoveWindow("publicityFeedback", Day(2030, 10, 20), Day(2030, 11, 3));
        outside.Should().Throw<DomainException>().WithMessage("*须在“初审及公示”的时间*");
        campaign.Stage("publicityFeedback").OpensAt.Should().Be(Day(2030, 10, 9), "a refused move changes nothing");

        campaign.MoveWindow("publicityFeedback", Day(2030, 9, 25), Day(2030, 10, 1));
        campaign.Stage("publicityFeedback").ClosesAt.Should().Be(Day(2030, 10, 1));
    }

    [Test]
    public void StagesOpenAt_ListsEveryOpenStage_AndNextStageAfterTheOneThatOpensNext()
    {
        var campaign = Campaign.Create(Guid.NewGuid(), 2030, "2030年度评审", new DateOnly(2030, 12, 31), Timeline(), Catalogue, Now);

        campaign.StagesOpenAt(Day(2030, 8, 1)).Select(s => s.Key).Should().Equal("filing", "unitPublicity");
        campaign.NextStageAfter(Day(2030, 8, 1))!.Key.Should().Be("preliminaryReview");
        campaign.StagesOpenAt(Day(2030, 10, 10)).Select(s => s.Key).Should().Equal("preliminaryReview", "publicityFeedback");
        campaign.NextStageAfter(Day(2030, 10, 23)).Should().BeNull();
    }

    [Test]
    public void EachNamedRule_OfAValidTimeline_FindsNothing()
    {
        var timeline = Timeline();

        TimelineRules.EveryStageIsDeclared(timeline, Catalogue).Should().BeEmpty();
        TimelineRules.EveryDeclaredStageAppearsOnce(timeline, Catalogue).Should().BeEmpty();
        TimelineRules.EveryStageIsNamed(timeline, Catalogue).Should().BeEmpty();
        TimelineRules.EveryWindowClosesAfterItOpens(timeline, Catalogue).Should().BeEmpty();
        TimelineRules.StagesWithinLieInsideTheirParent(timeline, Catalogue).Should().BeEmpty();
        TimelineRules.StagesFollowTheCalendarOrder(timeline, Catalogue).Should().BeEmpty();
    }

    [Test]
    public void EveryStageIsNamed_WhenAWindowHasNoName_AsksForItByTheCataloguesName()
    {
        var timeline = Timeline().Select(w => w.Key == "spotCheck" ? w with { Name = " " } : w).ToList();

        TimelineRules.EveryStageIsNamed(timeline, Catalogue).Should().Equal(("spotCheck", "请填写阶段“抽查复核”的名称。"));
    }

    [Test]
    public void EveryDeclaredStageAppearsOnce_BrokenByAMissingAndADoubledStage_NamesBoth()
    {
        var timeline = Timeline().Where(w => w.Key != "spotCheck").Append(Timeline()[0]).ToList();

        TimelineRules.EveryDeclaredStageAppearsOnce(timeline, Catalogue).Should().Equal(
            ("filing", "阶段“申报人填报与单位审核”重复出现。"),
            ("spotCheck", "缺少阶段“抽查复核”的时间安排。"));
    }

    [Test]
    public void StagesFollowTheCalendarOrder_WhenAStageOpensBeforeThePrevious_IsTheOnlyRuleBroken()
    {
        var timeline = Timeline(("spotCheck", Day(2030, 9, 1), Day(2030, 11, 1)));

        TimelineRules.StagesFollowTheCalendarOrder(timeline, Catalogue).Should().ContainSingle().Which.StageKey.Should().Be("spotCheck");
        TimelineRules.Check(timeline, Catalogue).Should().HaveCount(1);
    }

    /// <summary>A valid timeline for the catalogue, with some windows replaced.</summary>
    private static List<StageWindow> Timeline(params (string Key, DateTimeOffset Opens, DateTimeOffset Closes)[] replaced)
    {
        var windows = new List<StageWindow>
        {
            new("filing", "申报人填报与单位审核", Day(2030, 8, 1), Day(2030, 9, 1)),
            new("unitPublicity", "单位公示及报送电子材料", Day(2030, 8, 1), Day(2030, 9, 9)),
            new("preliminaryReview", "初审及公示", Day(2030, 9, 20), Day(2030, 10, 27)),
            new("publicityFeedback", "公示结果反馈", Day(2030, 10, 9), Day(2030, 10, 27)),
            new("spotCheck", "抽查复核", Day(2030, 10, 23), Day(2030, 11, 1)),
        };
        return windows
            .Select(w => replaced.FirstOrDefault(r => r.Key == w.Key) is { Key: not null } r ? w with { OpensAt = r.Opens, ClosesAt = r.Closes } : w)
            .ToList();
    }

    private static DateTimeOffset Day(int year, int month, int day) => BeijingTime.StartOfDay(new DateOnly(year, month, day));
}

using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications.Committee.Results;

/// <summary>What refuses publishing the committee's results.</summary>
public class ResultsPublicityRulesTests
{
    private static readonly DateTimeOffset Opens = BeijingTime.StartOfDay(new DateOnly(2023, 12, 11));
    private static readonly DateTimeOffset Closes = BeijingTime.StartOfDay(new DateOnly(2023, 12, 23));

    [TestCase(4, true)]
    [TestCase(5, false)]
    [TestCase(7, false)]
    public void NoShorterThanTheTerms_BreaksBelowTheTermsWorkingDays(int workingDays, bool broken)
    {
        var rule = new ResultsPublicityNoShorterThanTheTermsRule(workingDays, 5);

        rule.IsBroken().Should().Be(broken);
        rule.Message.Should().Be("评审结果公示期不能少于 5 个工作日。");
    }

    [Test]
    public void OnePerCampaign_BreaksWhenOneExists()
    {
        var calendar = new WorkingDayCalendar([CalendarYear.Create(2023, "test data", [], [])]);
        var existing = PublicPublicity.Publish(Guid.NewGuid(), PublicPublicityKind.CommitteeResults, "评审结果公示", new DateOnly(2023, 12, 11), 5, calendar, Opens, "office", "办公室");

        new OneResultsPublicityPerCampaignRule(null).IsBroken().Should().BeFalse();
        new OneResultsPublicityPerCampaignRule(existing).IsBroken().Should().BeTrue();
        new OneResultsPublicityPerCampaignRule(existing).Message.Should().Contain("公示期：2023年12月11日至12月15日").And.Contain("不能重复公布");
    }

    [Test]
    public void InTheResultsStage_BreaksBeforeItOpensAndFromItsClose()
    {
        new ResultsPublishedInTheResultsStageRule("公布评审结果", Opens, Closes, Opens.AddTicks(-1)).IsBroken().Should().BeTrue();
        new ResultsPublishedInTheResultsStageRule("公布评审结果", Opens, Closes, Opens).IsBroken().Should().BeFalse();
        new ResultsPublishedInTheResultsStageRule("公布评审结果", Opens, Closes, Closes).IsBroken().Should().BeTrue();
        new ResultsPublishedInTheResultsStageRule("公布评审结果", Opens, Closes, Closes).Message.Should().Be("评审结果只能在“公布评审结果”期间（2023年12月11日至12月22日）公布。");
    }

    [Test]
    public void NoCandidateStillBeforeTheCommittee_BreaksWhileALevelHasNotVoted_NamingIt()
    {
        var rule = new NoCandidateStillBeforeTheCommitteeRule([new PendingAtLevel(TitleLevel.Senior, 2), new PendingAtLevel(TitleLevel.Intermediate, 0)]);

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be("尚有 2 名参评人员未完成评审表决（高级政工师 2 人），须各等级表决结束后才能公布评审结果。");
        new NoCandidateStillBeforeTheCommitteeRule([]).IsBroken().Should().BeFalse();
    }

    [Test]
    public void HasResults_BreaksWithNone()
    {
        new ResultsPublicityHasResultsRule(0).IsBroken().Should().BeTrue();
        new ResultsPublicityHasResultsRule(1).IsBroken().Should().BeFalse();
    }
}

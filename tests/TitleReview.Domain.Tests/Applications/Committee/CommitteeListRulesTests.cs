using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications.Committee;

/// <summary>The committee list's conditions (notice 三, 4): who goes to the committee, and why or why not.</summary>
public class CommitteeListRulesTests
{
    private static readonly CommitteeListFacts Clean = new(true, PreliminaryStanding.Passed, FeedbackStanding.NoObjection, SpotCheckStanding.NotDrawn);

    [Test]
    public void Decide_WhenPassedWithoutObjectionAndNotDrawn_IsOnTheList()
    {
        var verdict = CommitteeListRules.Decide(Clean);

        verdict.Should().Be(new CommitteeListVerdict(true, "初审通过；公示无异议；未被抽查", false));
    }

    [Test]
    public void Decide_WhenPassedOnSupplementWithDismissedObjectionAndSpotCheckPassed_IsOnTheListWithEachReason()
    {
        var verdict = CommitteeListRules.Decide(Clean with { Preliminary = PreliminaryStanding.PassedOnSupplement, Feedback = FeedbackStanding.ObjectionDismissed, SpotCheck = SpotCheckStanding.Passed });

        verdict.Should().Be(new CommitteeListVerdict(true, "初审未通过，补充材料后通过；公示异议不成立；抽查复核原件一致", false));
    }

    [Test]
    public void Decide_WhenThePreliminaryReviewFailed_BreaksPassedThePreliminaryReview()
    {
        var facts = Clean with { Eligible = false, Preliminary = PreliminaryStanding.Failed, Feedback = FeedbackStanding.Awaiting };

        new PassedThePreliminaryReviewRule(facts.Preliminary).IsBroken().Should().BeTrue();
        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(false, "初审未通过", false));
    }

    [Test]
    public void Decide_WhenASupplementAwaitsReview_SaysSo()
    {
        var facts = Clean with { Eligible = false, Preliminary = PreliminaryStanding.SupplementAwaitingReview, Feedback = FeedbackStanding.Awaiting };

        CommitteeListRules.Decide(facts).Reason.Should().Be("补充材料尚待审核");
    }

    [Test]
    public void Decide_WhenTheObjectionWasUpheld_BreaksNoObjectionUpheld()
    {
        var facts = Clean with { Eligible = false, Feedback = FeedbackStanding.ObjectionUpheld };

        new NoObjectionUpheldRule(facts.Feedback).IsBroken().Should().BeTrue();
        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(false, "公示异议成立", false));
    }

    [Test]
    public void Decide_WhenTheObjectionWasDismissed_KeepsTheRuleWhole()
    {
        new NoObjectionUpheldRule(FeedbackStanding.ObjectionDismissed).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Decide_WhenTheFeedbackIsMissing_BreaksFeedbackReceived()
    {
        var facts = Clean with { Eligible = false, Feedback = FeedbackStanding.Missing };

        new FeedbackReceivedRule(facts.Feedback, facts.OfficeDecision).IsBroken().Should().BeTrue();
        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(false, "单位未反馈公示结果", false));
    }

    [Test]
    public void Decide_WhenTheFeedbackIsMissingButTheOfficeKeptTheCase_IsOnTheListWithTheOfficesReason()
    {
        var facts = Clean with { Feedback = FeedbackStanding.Missing, OfficeDecision = OfficeListDecision.Kept, OfficeReason = "单位已书面说明公示无异议" };

        new FeedbackReceivedRule(facts.Feedback, facts.OfficeDecision).IsBroken().Should().BeFalse();
        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(true, "初审通过；单位未反馈公示结果；省政工职评办特例列入：单位已书面说明公示无异议；未被抽查", false));
    }

    [Test]
    public void Decide_WhenTheOfficeRemovedTheCase_BreaksNotRemovedByTheOffice()
    {
        var facts = Clean with { Eligible = false, OfficeDecision = OfficeListDecision.Removed, OfficeReason = "本人申请撤回" };

        new NotRemovedByTheOfficeRule(facts.OfficeDecision, facts.OfficeReason).IsBroken().Should().BeTrue();
        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(false, "省政工职评办不列入：本人申请撤回", false));
    }

    [Test]
    public void Decide_WhenTheSpotCheckFoundAMismatch_IsBlockedForTheIntegrityDecision()
    {
        var facts = Clean with { Eligible = false, SpotCheck = SpotCheckStanding.Mismatch };

        new SpotCheckClearedRule(facts.SpotCheck).IsBroken().Should().BeTrue();
        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(false, "抽查复核发现原件与扫描件不一致，待诚信处理", true));
    }

    [Test]
    public void Decide_WhenTheSpotCheckIsPending_BreaksSpotCheckCleared()
    {
        var facts = Clean with { Eligible = false, SpotCheck = SpotCheckStanding.Pending };

        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(false, "抽查复核尚未完成", false));
    }

    [Test]
    public void Decide_WhenTheOriginalsWereNotCheckedInTime_BreaksSpotCheckCleared()
    {
        var facts = Clean with { Eligible = false, SpotCheck = SpotCheckStanding.NotChecked };

        CommitteeListRules.Decide(facts).Should().Be(new CommitteeListVerdict(false, "抽查原件未按期核对", false));
    }

    [TestCase(null, "请填写理由。")]
    [TestCase("  ", "请填写理由。")]
    public void DecisionReason_WhenEmpty_BreaksTheRule(string? reason, string message)
    {
        var rule = new CommitteeListDecisionHasAReasonRule(reason);

        (rule.IsBroken(), rule.Message).Should().Be((true, message));
    }

    [Test]
    public void DecisionReason_WhenTooLong_BreaksTheRule()
    {
        var rule = new CommitteeListDecisionHasAReasonRule(new string('理', CommitteeListDecisionHasAReasonRule.MaxReasonLength + 1));

        (rule.IsBroken(), rule.Message).Should().Be((true, $"理由不能超过 {CommitteeListDecisionHasAReasonRule.MaxReasonLength} 个字。"));
        new CommitteeListDecisionHasAReasonRule(new string('理', CommitteeListDecisionHasAReasonRule.MaxReasonLength)).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Publication_WhileSupplementsOrSpotChecksArePending_NamesTheUnits()
    {
        var supplements = new NoSupplementAwaitingReviewRule([new PendingAtUnit("交通运输厅", 1)]);
        var spotChecks = new NoSpotCheckPendingRule([new PendingAtUnit("黔南能源集团有限公司", 2)]);

        supplements.IsBroken().Should().BeTrue();
        supplements.Message.Should().Contain("交通运输厅 1 份");
        spotChecks.IsBroken().Should().BeTrue();
        spotChecks.Message.Should().Contain("黔南能源集团有限公司 2 人");
        new NoSpotCheckPendingRule([]).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Publication_AfterACommitmentButBeforeItsDraw_BreaksTheRule()
    {
        new CommitteeListAfterTheAnnouncedDrawRule(SpotCheckDrawStatus.Committed).IsBroken().Should().BeTrue();
        new CommitteeListAfterTheAnnouncedDrawRule(SpotCheckDrawStatus.Committed).Message.Should().Contain("尚未抽取");
        new CommitteeListAfterTheAnnouncedDrawRule(SpotCheckDrawStatus.Drawn).IsBroken().Should().BeFalse();
        new CommitteeListAfterTheAnnouncedDrawRule(SpotCheckDrawStatus.Defined).IsBroken().Should().BeFalse("a draw never announced promised nothing");
        new CommitteeListAfterTheAnnouncedDrawRule(null).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Publication_WithNobodyEligible_BreaksTheRule()
    {
        new CommitteeListHasSomeoneEligibleRule(0).IsBroken().Should().BeTrue();
        new CommitteeListHasSomeoneEligibleRule(1).IsBroken().Should().BeFalse();
    }

    [Test]
    public void Publication_ASecondTime_BreaksTheRule()
    {
        var calendar = new WorkingDayCalendar([CalendarYear.Create(2023, "test data", [], [])]);
        var first = PublicPublicity.Publish(Guid.NewGuid(), PublicPublicityKind.CommitteeList, "送评名单", new DateOnly(2023, 11, 3), 5, calendar, BeijingTime.StartOfDay(new DateOnly(2023, 11, 2)), "office", "省政工职评办");

        var rule = new OneCommitteeListPerCampaignRule(first);

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be("本年度送评名单已经公布（送评名单，公示期：2023年11月3日至11月9日），不能重复公布。");
        new OneCommitteeListPerCampaignRule(null).IsBroken().Should().BeFalse();
    }
}

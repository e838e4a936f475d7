using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Tests.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Campaigns;

/// <summary>The committee's terms: the national defaults, their edges, and each rule the office's change must keep.</summary>
public class CommitteeTermsTests
{
    private static readonly CommitteeTerms Default = CommitteeTerms.Default;

    [Test]
    public void Default_IsTheNationalRules()
    {
        Default.Should().Be(new CommitteeTerms(2, 3, 2, 3, 7, 5));
    }

    [TestCase(6, 9, true)]
    [TestCase(5, 9, false)]
    [TestCase(4, 6, true)]
    [TestCase(3, 6, false)]
    [TestCase(0, 0, false)]
    public void HasQuorum_AtTwoThirds_IsValid_AndOneFewerIsNot(int present, int members, bool quorum)
    {
        Default.HasQuorum(present, members).Should().Be(quorum);
    }

    [TestCase(9, 6)]
    [TestCase(7, 5)]
    [TestCase(6, 4)]
    [TestCase(1, 1)]
    [TestCase(0, 0)]
    public void QuorumOf_Members_IsTheFewestPresentForAValidSession(int members, int quorum)
    {
        Default.QuorumOf(members).Should().Be(quorum);
        if (members > 0)
        {
            Default.HasQuorum(quorum, members).Should().BeTrue();
            Default.HasQuorum(quorum - 1, members).Should().BeFalse();
        }
    }

    [TestCase(4, 6, true)]
    [TestCase(3, 6, false)]
    [TestCase(6, 9, true)]
    [TestCase(5, 9, false)]
    [TestCase(4, 5, true)]
    [TestCase(3, 5, false)]
    [TestCase(0, 0, false)]
    public void Passes_WithExactlyTwoThirdsOfThePresent_Passes_AndOneFewerFails(int approvals, int present, bool passes)
    {
        Default.Passes(approvals, present).Should().Be(passes);
    }

    [TestCase(6, 4)]
    [TestCase(5, 4)]
    [TestCase(9, 6)]
    [TestCase(1, 1)]
    public void ApprovalsNeeded_ForThePresent_IsTheFewestThatPass(int present, int needed)
    {
        Default.ApprovalsNeeded(present).Should().Be(needed);
        Default.Passes(needed, present).Should().BeTrue();
        Default.Passes(needed - 1, present).Should().BeFalse();
    }

    [TestCase(1, 3)]
    [TestCase(0, 3)]
    [TestCase(4, 3)]
    [TestCase(1, 0)]
    [TestCase(51, 101)]
    public void SetCommitteeTerms_WithAQuorumShareOutOfRange_BreaksShareAtLeastHalfRule(int numerator, int denominator)
    {
        var campaign = NewCampaign();

        RuleAssert.Breaks<ShareAtLeastHalfRule>(() => campaign.SetCommitteeTerms(Default with { QuorumNumerator = numerator, QuorumDenominator = denominator }));
        campaign.CommitteeTerms.Should().Be(Default);
    }

    [Test]
    public void SetCommitteeTerms_WithAPassShareBelowHalf_BreaksShareAtLeastHalfRule_AndExactlyHalfIsKept()
    {
        var campaign = NewCampaign();

        RuleAssert.Breaks<ShareAtLeastHalfRule>(() => campaign.SetCommitteeTerms(Default with { PassNumerator = 49, PassDenominator = 100 }));
        campaign.SetCommitteeTerms(Default with { PassNumerator = 1, PassDenominator = 2 });
        campaign.CommitteeTerms.PassText.Should().Be("1/2");
    }

    [TestCase(0)]
    [TestCase(CommitteeTerms.MaxNoticeDays + 1)]
    public void SetCommitteeTerms_WithADefenseNoticeOutOfRange_BreaksDefenseNoticeInRangeRule(int days)
    {
        RuleAssert.Breaks<DefenseNoticeInRangeRule>(() => NewCampaign().SetCommitteeTerms(Default with { DefenseNoticeDays = days }));
    }

    [TestCase(0)]
    [TestCase(CommitteeTerms.MaxPublicityWorkingDays + 1)]
    public void SetCommitteeTerms_WithAResultsPublicityOutOfRange_BreaksResultsPublicityInRangeRule(int workingDays)
    {
        RuleAssert.Breaks<ResultsPublicityInRangeRule>(() => NewCampaign().SetCommitteeTerms(Default with { ResultsPublicityWorkingDays = workingDays }));
    }

    [Test]
    public void SetCommitteeTerms_AtEachLimit_IsKept()
    {
        var campaign = NewCampaign();
        var terms = new CommitteeTerms(1, 1, 50, 100, CommitteeTerms.MaxNoticeDays, CommitteeTerms.MaxPublicityWorkingDays);

        campaign.SetCommitteeTerms(terms);

        campaign.CommitteeTerms.Should().Be(terms);
    }

    private static Campaign NewCampaign()
    {
        var catalogue = new StageCatalogue([new StageDefinition("filing", "申报人填报与单位审核")]);
        var day = BeijingTime.StartOfDay(new DateOnly(2030, 8, 1));
        return Campaign.Create(Guid.NewGuid(), 2030, "2030年度评审", new DateOnly(2030, 12, 31), [new StageWindow("filing", "申报人填报与单位审核", day, day.AddDays(31))], catalogue, day.AddDays(-30));
    }
}

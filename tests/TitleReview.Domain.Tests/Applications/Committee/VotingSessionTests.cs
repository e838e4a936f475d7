using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Tests.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications.Committee;

/// <summary>The vote's rules (issue 16, item 4), each broken once, and the two-thirds threshold at its edges.</summary>
public class VotingSessionTests
{
    private static readonly DateTimeOffset During = BeijingTime.FromBeijing(new DateTime(2023, 12, 6, 9, 0, 0));
    private static readonly Guid[] Six = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())];
    private static readonly Guid Li = Guid.NewGuid();
    private static readonly Guid Wang = Guid.NewGuid();
    private static readonly Campaign Campaign = Campaign.Create(
        Guid.NewGuid(),
        2023,
        "2023年度评审",
        new DateOnly(2023, 12, 31),
        [new StageWindow(StageKeys.Defense, "答辩及评审", Day(2023, 12, 4), Day(2023, 12, 9))],
        new StageCatalogue([new StageDefinition(StageKeys.Defense, "答辩及评审")]),
        Day(2023, 7, 1));

    [Test]
    public void Open_WithFourOfSixPresent_Opens_AndThreeIsBelowTheQuorum()
    {
        Open(present: Six[..4]).Present.Should().HaveCount(4);

        var rule = RuleAssert.Breaks<SessionHasQuorumRule>(() => Open(present: Six[..3]));

        rule.Message.Should().Be("到会评委 3 人，不足法定人数：评审本等级的委员 6 人，须至少 4 人（2/3）到会。");
    }

    [Test]
    public void Open_OutsideTheDefenseWindow_BreaksVotingInTheDefenseWindow()
    {
        RuleAssert.Breaks<VotingInTheDefenseWindowRule>(() => Open(now: Day(2023, 12, 9)));
    }

    [Test]
    public void Open_WithSomeoneWhoIsNoMemberOfTheLevel_BreaksPresentAreMembersOfTheLevel()
    {
        RuleAssert.Breaks<PresentAreMembersOfTheLevelRule>(() => Open(present: [.. Six[..5], Guid.NewGuid()]));
    }

    [Test]
    public void Open_WhenTheLevelHasASession_BreaksOneVotingSessionPerLevel()
    {
        var first = Open();

        RuleAssert.Breaks<OneVotingSessionPerLevelRule>(() => Open(existing: first)).Message.Should().Be("本等级的评审表决已经开始。");
    }

    [Test]
    public void Open_WhileASeniorsAttendanceIsNotRecorded_BreaksSeniorsDefenseRecorded_NamingThem()
    {
        var rule = RuleAssert.Breaks<SeniorsDefenseRecordedRule>(() => Open(cases: [new VotingCase(Li, "赵强", VotingStanding.Candidate), new VotingCase(Wang, "周婷", VotingStanding.AttendanceNotRecorded)]));

        rule.Message.Should().Be("尚未记录答辩出席情况：周婷。记录后才能开始表决。");
    }

    [Test]
    public void Open_WithNobodyToVoteOn_BreaksSessionHasCandidates()
    {
        RuleAssert.Breaks<SessionHasCandidatesRule>(() => Open(cases: []));
    }

    [TestCase(4, 0, 2, true, TestName = "Close_WithSixPresent_FourApprovalsPass")]
    [TestCase(3, 3, 0, false, TestName = "Close_WithSixPresent_ThreeApprovalsFail")]
    [TestCase(3, 0, 3, false, TestName = "Close_WithSixPresent_ThreeApprovalsAndThreeAbstentionsFail")]
    public void Close_CountsAbstentionsAsPresent_AndPassesAtTwoThirds(int agree, int disagree, int abstain, bool passes)
    {
        var session = Open();
        var choices = Enumerable.Repeat(BallotChoice.Agree, agree).Concat(Enumerable.Repeat(BallotChoice.Disagree, disagree)).Concat(Enumerable.Repeat(BallotChoice.Abstain, abstain)).ToList();
        foreach (var (expert, choice) in Six.Zip(choices))
        {
            session.Cast(expert, new Dictionary<Guid, BallotChoice> { [Li] = choice });
        }

        var tally = session.Close(CommitteeTerms.Default, Names(), During, "陈静").Single();

        tally.Passed.Should().Be(passes);
        tally.Text.Should().Be($"表决结果：同意{agree}票，不同意{disagree}票，弃权{abstain}票（到会6人，回避0人，须同意4票）");
        session.IsOpen.Should().BeFalse();
    }

    [TestCase(4, true)]
    [TestCase(3, false)]
    public void Close_WithOneExpertRecused_CountsTheFiveWhoVoted(int agree, bool passes)
    {
        var session = Open(recused: Six[3]);
        var voters = Six.Where(e => e != Six[3]).ToList();
        foreach (var (expert, index) in voters.Select((e, i) => (e, i)))
        {
            session.Cast(expert, new Dictionary<Guid, BallotChoice> { [Li] = index < agree ? BallotChoice.Agree : BallotChoice.Disagree });
        }

        var tally = session.Close(CommitteeTerms.Default, Names(), During, "陈静").Single();

        tally.Passed.Should().Be(passes);
        tally.Text.Should().Be($"表决结果：同意{agree}票，不同意{5 - agree}票，弃权0票（到会6人，回避1人，须同意4票）");
    }

    [Test]
    public void Cast_Twice_BreaksOneBallotPerCandidateAndRound_AndChangesNothing()
    {
        var session = Open();
        session.Cast(Six[0], new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree });

        RuleAssert.Breaks<OneBallotPerCandidateAndRoundRule>(() => session.Cast(Six[0], new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Disagree }))
            .Message.Should().Be("您已投过票，不能重复投票。");
        (session.Ballots.Single().Agree, session.Ballots.Single().Disagree, session.Receipts.Count).Should().Be((1, 0, 1));
    }

    [Test]
    public void Cast_OnARecusedCandidate_BreaksNoRecusedCandidateOnTheBallot()
    {
        var session = Open(recused: Six[3]);

        RuleAssert.Breaks<NoRecusedCandidateOnTheBallotRule>(() => session.Cast(Six[3], new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree }));
        session.Receipts.Should().BeEmpty();
    }

    [Test]
    public void Cast_ByAnExpertNotPresent_BreaksVoterIsPresent()
    {
        var session = Open(present: Six[..5]);

        RuleAssert.Breaks<VoterIsPresentRule>(() => session.Cast(Six[5], new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree }));
    }

    [Test]
    public void Cast_WithoutAChoiceForEveryCandidate_BreaksBallotCoversEveryCandidate()
    {
        var session = Open(cases: [new VotingCase(Li, "李华", VotingStanding.Candidate), new VotingCase(Wang, "王强", VotingStanding.Candidate)]);

        RuleAssert.Breaks<BallotCoversEveryCandidateRule>(() => session.Cast(Six[0], new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree }));
    }

    [Test]
    public void Cast_AfterTheClose_BreaksSessionIsOpen()
    {
        var session = VotedByAll();
        session.Close(CommitteeTerms.Default, Names(), During, "陈静");

        RuleAssert.Breaks<SessionIsOpenRule>(() => session.Cast(Six[0], new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree }));
    }

    [Test]
    public void Close_WhileAnExpertHasNotVoted_BreaksEveryPresentExpertVoted_NamingThemOnly()
    {
        var session = Open();
        session.Cast(Six[0], new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree });

        var rule = RuleAssert.Breaks<EveryPresentExpertVotedRule>(() => session.Close(CommitteeTerms.Default, Names(), During, "陈静"));

        rule.Message.Should().Be("尚有评委未投票：评委2、评委3、评委4、评委5、评委6。全部到会评委投票后才能结束表决。");
        session.IsOpen.Should().BeTrue();
    }

    [Test]
    public void Close_WithAnAbsentSenior_FailsThemWithoutABallot()
    {
        var session = Open(cases: [new VotingCase(Li, "赵强", VotingStanding.Candidate), new VotingCase(Wang, "周婷", VotingStanding.AbsentFromDefense)]);
        foreach (var expert in Six)
        {
            session.Cast(expert, new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree });
        }

        var tallies = session.Close(CommitteeTerms.Default, Names(), During, "陈静");

        tallies.Single(t => t.ApplicationId == Wang).Should().Match<CandidateTally>(t => !t.Passed && t.AbsentFromDefense && t.Text == "未参加答辩");
        session.Ballots.Should().ContainSingle(b => b.ApplicationId == Li);
    }

    [Test]
    public void Revote_RequestedAndConfirmedByTheChair_StartsANewRound_WhoseBallotsAloneCount()
    {
        var session = VotedByAll(BallotChoice.Disagree);
        session.RequestRevote(Li, "计票时发现表决票填写有误", During, "陈静");

        var reason = session.ConfirmRevote(Li, Six[0], isChair: true);
        foreach (var expert in Six)
        {
            session.Cast(expert, new Dictionary<Guid, BallotChoice> { [Li] = BallotChoice.Agree });
        }

        reason.Should().Be("计票时发现表决票填写有误");
        session.Ballots.Should().HaveCount(2);
        var tally = session.Close(CommitteeTerms.Default, Names(), During, "陈静").Single();
        (tally.Round, tally.Agree, tally.Passed).Should().Be((2, 6, true));
        tally.Text.Should().StartWith("表决结果（第2轮）：同意6票");
    }

    [Test]
    public void Revote_WithoutAReason_BreaksRevoteHasAReason()
    {
        RuleAssert.Breaks<RevoteHasAReasonRule>(() => Open().RequestRevote(Li, " ", During, "陈静"));
    }

    [Test]
    public void Revote_RequestedTwice_BreaksOneRevoteRequestAtATime()
    {
        var session = Open();
        session.RequestRevote(Li, "理由", During, "陈静");

        RuleAssert.Breaks<OneRevoteRequestAtATimeRule>(() => session.RequestRevote(Li, "理由", During, "陈静"));
    }

    [Test]
    public void Revote_OfAnAbsentSenior_BreaksRevoteOfAVotedCandidate()
    {
        var session = Open(cases: [new VotingCase(Li, "赵强", VotingStanding.Candidate), new VotingCase(Wang, "周婷", VotingStanding.AbsentFromDefense)]);

        RuleAssert.Breaks<RevoteOfAVotedCandidateRule>(() => session.RequestRevote(Wang, "理由", During, "陈静"));
    }

    [Test]
    public void Revote_ConfirmedByAMember_BreaksChairConfirmsRevote_AndWithoutARequest_BreaksRevoteWasRequested()
    {
        var session = Open();

        RuleAssert.Breaks<RevoteWasRequestedRule>(() => session.ConfirmRevote(Li, Six[0], isChair: true));
        session.RequestRevote(Li, "理由", During, "陈静");
        RuleAssert.Breaks<ChairConfirmsRevoteRule>(() => session.ConfirmRevote(Li, Six[1], isChair: false));
        session.Candidates.Single().Round.Should().Be(1);
    }

    [Test]
    public void Cast_KeepsTheBallotsApartFromTheVoters_TheBoxNamesNobody()
    {
        var session = VotedByAll();

        typeof(BallotBox).GetProperties().Select(p => p.Name).Should().BeEquivalentTo("ApplicationId", "Round", "Agree", "Disagree", "Abstain", "Total");
        session.Receipts.Should().HaveCount(6).And.OnlyContain(r => r.ApplicationId == Li && r.Round == 1);
    }

    private static VotingSession VotedByAll(BallotChoice choice = BallotChoice.Agree)
    {
        var session = Open();
        foreach (var expert in Six)
        {
            session.Cast(expert, new Dictionary<Guid, BallotChoice> { [Li] = choice });
        }

        return session;
    }

    private static VotingSession Open(
        IReadOnlyCollection<Guid>? present = null,
        IReadOnlyList<VotingCase>? cases = null,
        Guid? recused = null,
        VotingSession? existing = null,
        DateTimeOffset? now = null)
    {
        var recusals = recused is { } r ? new Dictionary<Guid, IReadOnlySet<Guid>> { [r] = new HashSet<Guid> { Li } } : [];
        return VotingSession.Open(
            Campaign.Id,
            TitleLevel.Intermediate,
            new VotingWindow(Campaign.Stage(StageKeys.Defense).OpensAt, Campaign.Stage(StageKeys.Defense).ClosesAt, Campaign.Stage(StageKeys.Defense).Describe()),
            Six,
            present ?? Six,
            cases ?? [new VotingCase(Li, "李华", VotingStanding.Candidate)],
            recusals,
            CommitteeTerms.Default,
            existing,
            now ?? During,
            "陈静");
    }

    private static Dictionary<Guid, string> Names() => Six.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => $"评委{x.i + 1}");

    private static DateTimeOffset Day(int year, int month, int day) => BeijingTime.StartOfDay(new DateOnly(year, month, day));
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Applications.Committee.Voting;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Committee;

/// <summary>
/// The vote (issue 16, item 4) on Dec 6, 2023, in the defense window: six experts seated (expert1
/// chairs; expert4 is from 黔南能源 and so recused from 李华); 李华 (政工师), 赵强 and 周婷 (高级政工师) on the list.
/// </summary>
public class VotingTests : CommitteeTestBase
{
    private Guid _li;
    private Guid _zhao;
    private Guid _zhou;

    [SetUp]
    public async Task SeatedAndPledgedAsync()
    {
        _li = await OnCommitteeListAsync("applicant1", "auditor1", TitleLevel.Intermediate);
        _zhao = await OnCommitteeListAsync("applicant3", "auditor2", TitleLevel.Senior);
        _zhou = await OnCommitteeListAsync("applicant4", "auditor2", TitleLevel.Senior);
        await SeatCommitteeAsync();
        Clock.SetUtcNow(Beijing(2023, 12, 6, 9, 0, 0));
    }

    [Test]
    public async Task Open_BelowTheQuorum_IsRefused_AndNoSessionIsStored()
    {
        var open = () => OpenAsync(TitleLevel.Intermediate, "expert1", "expert2", "expert3");

        (await open.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<SessionHasQuorumRule>();
        (await CountAsync(db => db.VotingSessions)).Should().Be(0);
    }

    [Test]
    public async Task VoteAndClose_WithARecusedExpert_PassesAtFourOfFive_JournalsTheTally_AndLocksTheResult()
    {
        await PledgeAllAsync();
        var session = await OpenAsync(TitleLevel.Intermediate, ExpertUserNames);

        var form = await ExpertViewAsync(QiannanExpert);
        form.Sessions.Single().Rows.Single().Recused.Should().BeTrue();
        foreach (var (expert, choice) in new[] { ("expert1", BallotChoice.Agree), ("expert2", BallotChoice.Agree), ("expert3", BallotChoice.Agree), ("expert5", BallotChoice.Agree), ("expert6", BallotChoice.Disagree) })
        {
            await CastAsync(expert, session, choice);
        }

        var closed = await SendAsync<CloseVotingSession, VotingSessionClosed>("office", a => new CloseVotingSession(session, a));

        closed.Should().Be(new VotingSessionClosed(1, 0));
        const string tally = "表决结果：同意4票，不同意1票，弃权0票（到会6人，回避1人，须同意4票）";
        var journal = await JournalAsync(await InstanceOfAsync(_li));
        journal.Last().Reason.Should().Be(tally);
        var results = await InScopeAsync(sp => sp.GetRequiredService<ICommitteeResults>().LockedResultsAsync(CampaignId));
        results[_li].Should().Match<CommitteeResult>(r => r.Passed && r.TallyText == tally && r.LockedAt == Clock.GetUtcNow());
        var late = () => CastAsync("expert1", session, BallotChoice.Disagree);
        (await late.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<SessionIsOpenRule>();
    }

    [Test]
    public async Task Cast_Twice_OnARecusedCandidate_ByAnAbsentExpert_OrBeforeThePledge_IsRefused_AndCountsNothing()
    {
        await PledgeAllAsync("expert6");
        var session = await OpenAsync(TitleLevel.Intermediate, "expert1", "expert2", "expert3", "expert4", "expert6");
        await CastAsync("expert1", session, BallotChoice.Agree);

        var twice = () => CastAsync("expert1", session, BallotChoice.Disagree);
        var recused = () => CastAsync(QiannanExpert, session, BallotChoice.Agree);
        var absent = () => CastAsync("expert5", session, BallotChoice.Agree);
        var unpledged = () => CastAsync("expert6", session, BallotChoice.Agree);
        var office = () => SendAsync<CastBallots, int>("office", a => new CastBallots(session, new Dictionary<Guid, BallotChoice?> { [_li] = BallotChoice.Agree }, a));
        var missing = () => SendAsync<CastBallots, int>("expert2", a => new CastBallots(session, new Dictionary<Guid, BallotChoice?> { [_li] = null }, a));

        (await twice.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("您已投过票，不能重复投票。");
        (await recused.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<NoRecusedCandidateOnTheBallotRule>();
        (await absent.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<VoterIsPresentRule>();
        (await unpledged.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("保密承诺");
        await office.Should().ThrowAsync<ForbiddenAccessException>();
        (await missing.Should().ThrowAsync<ValidationException>()).Which.Errors[$"choices[{_li}]"].Should().Contain("请选择同意、不同意或弃权。");
        var box = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().VotingSessions.AsNoTracking().SingleAsync());
        (box.Ballots.Single().Agree, box.Ballots.Single().Total, box.Receipts.Count).Should().Be((1, 1, 1));
    }

    [Test]
    public async Task Close_WhileExpertsHaveNotVoted_NamesThemOnly_AndChangesNothing()
    {
        await PledgeAllAsync();
        var session = await OpenAsync(TitleLevel.Intermediate, ExpertUserNames);
        await CastAsync("expert1", session, BallotChoice.Disagree);
        var before = (await InstanceAsync(await InstanceOfAsync(_li))).State;

        var close = () => CloseAsync(session);

        (await close.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message
            .Should().Be($"尚有评委未投票：{await NamesAsync("expert2", "expert3", "expert5", "expert6")}。全部到会评委投票后才能结束表决。");
        (await InstanceAsync(await InstanceOfAsync(_li))).State.Should().Be(before);
        (await DeskAsync()).Levels.Single(l => l.Level == TitleLevel.Intermediate).Session!.Candidates.Single()
            .Should().Match<VotingCandidateRow>(c => c.Voted == 1 && c.Voting == 5 && c.Missing.Count == 4 && c.Tally == null);
    }

    [Test]
    public async Task Close_WhenTheEngineRefusesACase_LeavesTheSessionOpen_AndEveryCaseWhereItWas()
    {
        await PledgeAllAsync();
        Clock.SetUtcNow(Beijing(2023, 12, 8, 23, 0, 0));
        var session = await OpenAsync(TitleLevel.Intermediate, ExpertUserNames);
        foreach (var expert in ExpertUserNames.Where(e => e != QiannanExpert))
        {
            await CastAsync(expert, session, BallotChoice.Agree);
        }

        Clock.SetUtcNow(Beijing(2023, 12, 9, 0, 30, 0));
        var close = () => CloseAsync(session);

        await close.Should().ThrowAsync<DomainException>();
        var stored = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().VotingSessions.AsNoTracking().SingleAsync());
        (stored.IsOpen, stored.Results.Count).Should().Be((true, 0));
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        definitions.Has(await InstanceAsync(await InstanceOfAsync(_li)), StateCapabilities.ReferredToCommittee).Should().BeTrue();
    }

    [Test]
    public async Task Revote_RequestedByTheOffice_IsNothingUntilTheChairConfirms_ThenIsJournaled_AndOnlyTheNewRoundCounts()
    {
        await PledgeAllAsync();
        var session = await OpenAsync(TitleLevel.Intermediate, ExpertUserNames);
        foreach (var expert in ExpertUserNames.Where(e => e != QiannanExpert))
        {
            await CastAsync(expert, session, BallotChoice.Disagree);
        }

        await SendAsync<RequestRevote, Guid>("office", a => new RequestRevote(session, _li, "唱票时发现一张表决票填写不清", a));
        var byMember = () => ConfirmAsync("expert2", session);
        (await byMember.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<ChairConfirmsRevoteRule>();
        (await ExpertViewAsync("expert1")).Sessions.Single().Rows.Single().Should().Match<ExpertBallotRow>(r => r.RevoteReason == "唱票时发现一张表决票填写不清" && r.Voted);

        await ConfirmAsync("expert1", session);

        var journal = await JournalAsync(await InstanceOfAsync(_li));
        (journal.Last().Reason, journal.Last().FromState == journal.Last().ToState).Should().Be(("唱票时发现一张表决票填写不清", true));
        (await ExpertViewAsync("expert2")).Sessions.Single().Rows.Single().Should().Match<ExpertBallotRow>(r => r.Round == 2 && !r.Voted);
        foreach (var expert in ExpertUserNames.Where(e => e != QiannanExpert))
        {
            await CastAsync(expert, session, BallotChoice.Agree);
        }

        await CloseAsync(session);
        var result = (await InScopeAsync(sp => sp.GetRequiredService<ICommitteeResults>().LockedResultsAsync(CampaignId)))[_li];
        (result.Passed, result.TallyText).Should().Be((true, "表决结果（第2轮）：同意5票，不同意0票，弃权0票（到会6人，回避1人，须同意4票）"));
    }

    [Test]
    public async Task SeniorSession_WhileAttendanceIsNotRecorded_IsRefused_ThenTheDefendedVoteAndTheAbsentFail()
    {
        var (zhao, zhou) = (_zhao, _zhou);
        await PledgeAllAsync();

        var early = () => OpenAsync(TitleLevel.Senior, ExpertUserNames);
        (await early.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("尚未记录答辩出席情况：周婷、赵强。记录后才能开始表决。");

        await SetStateAsync(zhao, "Defended");
        await SetStateAsync(zhou, "DefenseAbsent");
        var session = await OpenAsync(TitleLevel.Senior, ExpertUserNames);
        (await ExpertViewAsync("expert1")).Sessions.Single().Rows.Select(r => r.ApplicantName).Should().Equal("赵强");
        foreach (var (expert, index) in ExpertUserNames.Select((e, i) => (e, i)))
        {
            await SendAsync<CastBallots, int>(expert, a => new CastBallots(session, new Dictionary<Guid, BallotChoice?> { [zhao] = index < 3 ? BallotChoice.Agree : BallotChoice.Abstain }, a));
        }

        await CloseAsync(session);

        var results = await InScopeAsync(sp => sp.GetRequiredService<ICommitteeResults>().LockedResultsAsync(CampaignId));
        (results[zhao].Passed, results[zhao].TallyText).Should().Be((false, "表决结果：同意3票，不同意0票，弃权3票（到会6人，回避0人，须同意4票）"));
        (results[zhou].Passed, results[zhou].TallyText).Should().Be((false, "未参加答辩"));
        (await JournalAsync(await InstanceOfAsync(zhou))).Last().Reason.Should().Be("未参加答辩");
    }

    /// <summary>
    /// The secrecy the issue asks for, read from the database itself: the ballot table has only the
    /// session, candidate, round and counts; no value in it is an expert's or a user's id; its rows
    /// were written at the opening and keep their places (SQLite's rowid) whoever votes.
    /// </summary>
    [Test]
    public async Task StoredBallots_CarryNoExpertIdentity_NoTime_AndNoOrderOfVoting()
    {
        await PledgeAllAsync();
        var session = await OpenAsync(TitleLevel.Intermediate, ExpertUserNames);
        var atOpening = await RowsAsync("SELECT rowid, * FROM BallotBoxes");
        foreach (var (expert, choice) in new[] { ("expert6", BallotChoice.Disagree), ("expert1", BallotChoice.Agree), ("expert3", BallotChoice.Abstain), ("expert2", BallotChoice.Agree), ("expert5", BallotChoice.Agree) })
        {
            await CastAsync(expert, session, choice);
        }

        var columns = await RowsAsync("SELECT name, type FROM pragma_table_info('BallotBoxes')");
        var rows = await RowsAsync("SELECT rowid, * FROM BallotBoxes");
        var receipts = await RowsAsync("SELECT name FROM pragma_table_info('VoteReceipts')");
        var identities = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var experts = await db.Experts.Select(e => new { e.Id, e.UserId }).ToListAsync();
            return experts.SelectMany(e => new[] { e.Id.ToString(), e.UserId }).ToList();
        });

        columns.Select(c => c[0]).Should().BeEquivalentTo("SessionId", "ApplicationId", "Round", "Agree", "Disagree", "Abstain");
        columns.Select(c => c[1]).Should().OnlyContain(t => t == "TEXT" || t == "INTEGER");
        rows.Should().ContainSingle();
        rows.SelectMany(r => r).Should().NotContain(v => identities.Any(id => string.Equals(id, v, StringComparison.OrdinalIgnoreCase)));
        rows.Single()[0].Should().Be(atOpening.Single()[0], "the row was written when the session opened and is only counted up in place");
        rows.Single().Skip(4).Should().Equal("3", "1", "1");
        receipts.Select(r => r[0]).Should().BeEquivalentTo("SessionId", "ExpertId", "ApplicationId", "Round");
        var sessionColumns = await RowsAsync("SELECT name FROM pragma_table_info('VotingSessions')");
        sessionColumns.Select(c => c[0]).Should().NotContain(c => c.Contains("Ballot") || c.Contains("Agree"));
    }

    private async Task<List<string[]>> RowsAsync(string sql) => await InScopeAsync(async sp =>
    {
        var connection = sp.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)]);
        }

        return rows;
    });

    private async Task PledgeAllAsync(params string[] except)
    {
        foreach (var expert in ExpertUserNames.Except(except))
        {
            await PledgeAsync(expert);
        }
    }

    private Task<Guid> OpenAsync(TitleLevel level, params string[] present) =>
        SendAsync<OpenVotingSession, Guid>("office", a => new OpenVotingSession(2023, level, [.. present.Select(p => Experts[p])], a));

    private Task<int> CastAsync(string expert, Guid session, BallotChoice choice) =>
        SendAsync<CastBallots, int>(expert, a => new CastBallots(session, new Dictionary<Guid, BallotChoice?> { [_li] = choice }, a));

    private Task<Guid> ConfirmAsync(string expert, Guid session) =>
        SendAsync<ConfirmRevote, Guid>(expert, a => new ConfirmRevote(session, _li, a));

    private Task<VotingSessionClosed> CloseAsync(Guid session) =>
        SendAsync<CloseVotingSession, VotingSessionClosed>("office", a => new CloseVotingSession(session, a));

    private async Task<ExpertVotingView> ExpertViewAsync(string expert)
    {
        var actor = await ActorAsync(expert);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetExpertVoting, ExpertVotingView>>().HandleAsync(new GetExpertVoting(actor)));
    }

    private async Task<VotingDeskView> DeskAsync()
    {
        var actor = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetVotingDesk, VotingDeskView>>().HandleAsync(new GetVotingDesk(2023, actor)));
    }

    /// <summary>Sends a command as the user, in a scope of its own, as a request would.</summary>
    private async Task<TResult> SendAsync<TCommand, TResult>(string userName, Func<WorkflowActor, TCommand> command)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command(actor)));
    }

    private Task<Guid> InstanceOfAsync(Guid applicationId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.Where(i => i.SubjectId == applicationId).Select(i => i.Id).SingleAsync());

    private Task SetStateAsync(Guid applicationId, string state) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.Where(i => i.SubjectId == applicationId).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, state)));

    private Task<int> CountAsync<T>(Func<AppDbContext, IQueryable<T>> set) =>
        InScopeAsync(sp => set(sp.GetRequiredService<AppDbContext>()).CountAsync());

    private Task<string> NamesAsync(params string[] experts) => InScopeAsync(async sp =>
    {
        var ids = experts.Select(e => Experts[e]).ToList();
        var names = await sp.GetRequiredService<AppDbContext>().Experts.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name);
        return string.Join("、", ids.Select(id => names[id]));
    });
}

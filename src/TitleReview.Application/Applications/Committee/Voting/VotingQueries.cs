using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Voting;

/// <summary>The office's page 评审表决: each level's session, to open, follow, re-vote and close.</summary>
public sealed record GetVotingDesk(int? Year, WorkflowActor Actor);

public sealed record VotingMember(Guid ExpertId, string Name, string RoleName, string Organisation);

/// <summary>A case of the level before its session opens.</summary>
public sealed record VotingCaseLine(string ApplicantName, string UnitName, string Standing);

/// <summary>
/// One candidate of a session: how many of those who must vote have (and who has not), never how
/// anyone voted; after the close, the locked tally.
/// </summary>
public sealed record VotingCandidateRow(
    Guid ApplicationId,
    string ApplicantName,
    string UnitName,
    bool AbsentFromDefense,
    int Round,
    int Voted,
    int Voting,
    IReadOnlyList<string> Missing,
    string? RevoteReason,
    CandidateTally? Tally);

public sealed record VotingSessionView(
    Guid Id,
    bool IsOpen,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    IReadOnlyList<string> PresentNames,
    int Members,
    IReadOnlyList<VotingCandidateRow> Candidates)
{
    public bool EveryoneVoted => Candidates.All(c => c.Missing.Count == 0);
}

/// <param name="OpenRefusal">Why the session cannot open now, whoever is ticked present; null when it may.</param>
public sealed record VotingLevel(
    TitleLevel Level,
    IReadOnlyList<VotingMember> Members,
    int Quorum,
    IReadOnlyList<VotingCaseLine> Cases,
    string? OpenRefusal,
    VotingSessionView? Session)
{
    public string LevelName => TitleLevels.DisplayName(Level);
}

public sealed record VotingDeskView(
    int Year,
    IReadOnlyList<int> Years,
    string WindowText,
    bool WindowOpen,
    string QuorumText,
    string PassText,
    bool HasCommittee,
    IReadOnlyList<VotingLevel> Levels);

/// <summary>The expert's page: the open sessions they are present at, their ballot form, the chair's confirmations.</summary>
public sealed record GetExpertVoting(WorkflowActor Actor);

/// <param name="Recused">The expert is recused from the candidate: shown “已回避”, without a choice.</param>
/// <param name="Voted">The expert voted on the candidate's current round.</param>
public sealed record ExpertBallotRow(Guid ApplicationId, string ApplicantName, string UnitName, int Round, bool Recused, bool Voted, string? RevoteReason);

public sealed record ExpertSessionView(Guid SessionId, TitleLevel Level, IReadOnlyList<ExpertBallotRow> Rows)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public bool MayVote => Rows.Any(r => !r.Recused && !r.Voted);
}

/// <param name="Year">The campaign whose defense and review the page is about; null when there is none.</param>
/// <param name="Seated">The expert sits on that campaign's committee.</param>
public sealed record ExpertVotingView(int? Year, bool Seated, bool Pledged, bool IsChair, IReadOnlyList<ExpertSessionView> Sessions);

internal sealed class GetVotingDeskHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    ICurrentCampaign current,
    TimeProvider clock) : IHandler<GetVotingDesk, VotingDeskView>
{
    public async Task<VotingDeskView> HandleAsync(GetVotingDesk request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var years = await current.YearsAsync(cancellationToken);
        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.Defense, cancellationToken);
        var year = campaign?.Year ?? request.Year ?? BeijingTime.DateOf(now).Year;
        if (campaign is null)
        {
            return new VotingDeskView(year, years, string.Empty, false, CommitteeTerms.Default.QuorumText, CommitteeTerms.Default.PassText, false, []);
        }

        var defense = campaign.Stage(StageKeys.Defense);
        var terms = campaign.CommitteeTerms;
        var committee = await db.ReviewCommittees.AsNoTracking().FirstOrDefaultAsync(c => c.CampaignId == campaign.Id, cancellationToken);
        var sessions = await db.VotingSessions.AsNoTracking().AsSplitQuery().Where(s => s.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var decided = sessions.SelectMany(s => s.Candidates.Select(c => c.ApplicationId)).ToList();
        var rows = await VotingCases.OfCampaignAsync(db, definitions, campaign.Id, decided, cancellationToken);
        var memberIds = committee?.Members.Select(m => m.ExpertId).ToList() ?? [];
        var experts = await db.Experts.AsNoTracking()
            .Where(e => memberIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var cards = await units.FindAllAsync([.. rows.Select(r => r.UnitId).Distinct()], cancellationToken);
        var byId = rows.ToDictionary(r => r.ApplicationId);
        string Name(Guid id) => experts.GetValueOrDefault(id)?.Name ?? "未知评委";
        string UnitOf(Guid applicationId) => byId.TryGetValue(applicationId, out var r) ? cards.GetValueOrDefault(r.UnitId)?.Name ?? string.Empty : string.Empty;

        var levels = Enum.GetValues<TitleLevel>().OrderDescending().Select(level =>
        {
            var members = committee?.MembersFor(level)
                .Select(m => new VotingMember(m.ExpertId, Name(m.ExpertId), CommitteeRoleNames.Describe(m.Role), experts.GetValueOrDefault(m.ExpertId)?.Organisation ?? string.Empty))
                .ToList() ?? [];
            var cases = VotingCases.CasesOf(rows, level, definitions);
            var session = sessions.FirstOrDefault(s => s.Level == level);
            IBusinessRule[] rules =
            [
                new VotingInTheDefenseWindowRule(VotingCases.WindowOf(campaign), now),
                new OneVotingSessionPerLevelRule(session),
                new SeniorsDefenseRecordedRule(cases),
                new SessionHasCandidatesRule(cases),
            ];
            var refusal = committee is null ? "本年度尚未组建评审委员会。" : rules.FirstOrDefault(r => r.IsBroken())?.Message;
            var lines = cases.Select(c => new VotingCaseLine(c.ApplicantName, UnitOf(c.ApplicationId), Describe(c.Standing))).ToList();
            return new VotingLevel(level, members, terms.QuorumOf(members.Count), lines, refusal, session is null ? null : View(session, Name, id => byId.GetValueOrDefault(id)?.ApplicantName ?? string.Empty, UnitOf));
        }).ToList();

        var windowText = $"{BeijingTime.DateOf(defense.OpensAt):yyyy年M月d日}至{BeijingTime.DateOf(defense.LastSecond):M月d日}";
        return new VotingDeskView(year, years, windowText, defense.IsOpenAt(now), terms.QuorumText, terms.PassText, committee is not null, levels);
    }

    private static VotingSessionView View(VotingSession session, Func<Guid, string> expert, Func<Guid, string> applicant, Func<Guid, string> unit)
    {
        var candidates = session.Candidates.Select(c =>
        {
            var voting = c.AbsentFromDefense ? 0 : session.Present.Count(e => !session.IsRecused(e, c.ApplicationId));
            var missing = c.AbsentFromDefense || !session.IsOpen ? [] : session.MissingFor(c).Select(expert).ToList();
            var tally = session.Results.FirstOrDefault(r => r.ApplicationId == c.ApplicationId);
            return new VotingCandidateRow(c.ApplicationId, applicant(c.ApplicationId), unit(c.ApplicationId), c.AbsentFromDefense, c.Round, voting - missing.Count, voting, missing, c.RevoteReason, tally);
        }).ToList();
        return new VotingSessionView(session.Id, session.IsOpen, session.OpenedAt, session.OpenedBy, session.ClosedAt, session.ClosedBy, session.Present.Select(expert).ToList(), session.Members, candidates);
    }

    private static string Describe(VotingStanding standing) => standing switch
    {
        VotingStanding.AbsentFromDefense => "未参加答辩（不表决，结束表决时记为未通过）",
        VotingStanding.AttendanceNotRecorded => "尚未记录答辩出席情况",
        _ => "待表决",
    };
}

internal sealed class GetExpertVotingHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    ICurrentCampaign current,
    ICommitteeSeats seats) : IHandler<GetExpertVoting, ExpertVotingView>
{
    public async Task<ExpertVotingView> HandleAsync(GetExpertVoting request, CancellationToken cancellationToken = default)
    {
        VotingCases.RequireExpert(request.Actor);
        var campaign = await current.ForStageAsync(StageKeys.Defense, cancellationToken);
        if (campaign is null)
        {
            return new ExpertVotingView(null, false, false, false, []);
        }

        var seat = await seats.SeatAsync(request.Actor.Id, campaign.Id, cancellationToken);
        if (seat is null || !seat.Pledged)
        {
            return new ExpertVotingView(campaign.Year, seat is not null, false, false, []);
        }

        var sessions = (await db.VotingSessions.AsNoTracking().AsSplitQuery().Where(s => s.CampaignId == campaign.Id && s.ClosedAt == null).ToListAsync(cancellationToken))
            .Where(s => s.Present.Contains(seat.ExpertId))
            .OrderByDescending(s => s.Level)
            .ToList();
        var ids = sessions.SelectMany(s => s.Candidates.Select(c => c.ApplicationId)).ToList();
        var rows = sessions.Count == 0 ? [] : await VotingCases.OfCampaignAsync(db, definitions, campaign.Id, ids, cancellationToken);
        var byId = rows.ToDictionary(r => r.ApplicationId);
        var cards = await units.FindAllAsync([.. rows.Select(r => r.UnitId).Distinct()], cancellationToken);
        var views = sessions.Select(s => new ExpertSessionView(
                s.Id,
                s.Level,
                s.Voted.Select(c => new ExpertBallotRow(
                        c.ApplicationId,
                        byId.GetValueOrDefault(c.ApplicationId)?.ApplicantName ?? string.Empty,
                        byId.TryGetValue(c.ApplicationId, out var r) ? cards.GetValueOrDefault(r.UnitId)?.Name ?? string.Empty : string.Empty,
                        c.Round,
                        s.IsRecused(seat.ExpertId, c.ApplicationId),
                        s.HasVoted(seat.ExpertId, c),
                        c.RevoteReason))
                    .ToList()))
            .ToList();
        return new ExpertVotingView(campaign.Year, true, true, seat.IsChair, views);
    }
}

/// <summary>The closed sessions' locked tallies, by application (helper E's results and the certificates read them).</summary>
internal sealed class CommitteeResults(IApplicationDbContext db) : ICommitteeResults
{
    public async Task<IReadOnlyDictionary<Guid, CommitteeResult>> LockedResultsAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        // One command: the locked tallies are the closed session's JSON column; the receipts and ballot boxes stay unread.
        var sessions = await db.VotingSessions.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && s.ClosedAt != null)
            .Select(s => new { ClosedAt = s.ClosedAt!.Value, s.Results })
            .ToListAsync(cancellationToken);
        return sessions
            .SelectMany(s => s.Results.Select(r => new CommitteeResult(r.ApplicationId, r.Passed, r.Text, s.ClosedAt)))
            .ToDictionary(r => r.ApplicationId);
    }
}

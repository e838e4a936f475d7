using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee.Voting;

/// <summary>One secret ballot's choice (表决票).</summary>
public enum BallotChoice
{
    /// <summary>同意.</summary>
    Agree = 1,

    /// <summary>不同意.</summary>
    Disagree = 2,

    /// <summary>弃权.</summary>
    Abstain = 3,
}

public static class BallotChoiceNames
{
    public static string Describe(BallotChoice choice) => choice switch
    {
        BallotChoice.Agree => "同意",
        BallotChoice.Disagree => "不同意",
        BallotChoice.Abstain => "弃权",
        _ => string.Empty,
    };
}

/// <summary>Where a case of the session's level stands when the office opens the vote.</summary>
public enum VotingStanding
{
    /// <summary>On the list (or, for a senior, defended): the committee votes on them.</summary>
    Candidate = 1,

    /// <summary>A senior recorded absent from the defense: fails at the close without a ballot.</summary>
    AbsentFromDefense = 2,

    /// <summary>A senior whose attendance at the defense is not recorded yet: the session waits.</summary>
    AttendanceNotRecorded = 3,
}

/// <summary>A case of the level as the opening reads it: its name only serves the refusal's message.</summary>
public sealed record VotingCase(Guid ApplicationId, string ApplicantName, VotingStanding Standing);

/// <summary>A case the session decides. <see cref="Round"/> grows with each confirmed re-vote.</summary>
/// <param name="RevoteReason">The office's pending request for a re-vote, until the chair confirms it.</param>
public sealed record SessionCandidate(
    Guid ApplicationId,
    bool AbsentFromDefense,
    int Round,
    string? RevoteReason,
    DateTimeOffset? RevoteRequestedAt,
    string? RevoteRequestedBy);

/// <summary>An expert present who must stay away from a candidate (fixed when the session opens).</summary>
public sealed record SessionRecusal(Guid ApplicationId, Guid ExpertId);

/// <summary>
/// 投票记录: that an expert voted on a candidate in a round, never how. Stored apart from the
/// ballot box so that nothing joins the two.
/// </summary>
public sealed record VoteReceipt(Guid ExpertId, Guid ApplicationId, int Round);

/// <summary>
/// 票箱: the counts of one candidate's round. Created when the round starts, before anyone votes,
/// and only ever counted up in place: it names no voter and holds no instant, so neither its row
/// nor its place among the rows says who put a ballot in.
/// </summary>
public sealed class BallotBox
{
    private BallotBox()
    {
    }

    public Guid ApplicationId { get; private set; }

    public int Round { get; private set; }

    public int Agree { get; private set; }

    public int Disagree { get; private set; }

    public int Abstain { get; private set; }

    public int Total => Agree + Disagree + Abstain;

    internal static BallotBox Empty(Guid applicationId, int round) => new() { ApplicationId = applicationId, Round = round };

    internal void Put(BallotChoice choice)
    {
        switch (choice)
        {
            case BallotChoice.Agree:
                Agree++;
                break;
            case BallotChoice.Disagree:
                Disagree++;
                break;
            default:
                Abstain++;
                break;
        }
    }
}

/// <summary>The locked result of one candidate, as the close computed it.</summary>
/// <param name="Present">Experts present at the session.</param>
/// <param name="Recused">Of them, recused from this candidate: they did not vote on them.</param>
/// <param name="Needed">Approvals needed to pass, from the experts who voted (present minus recused).</param>
public sealed record CandidateTally(
    Guid ApplicationId,
    bool AbsentFromDefense,
    int Round,
    int Agree,
    int Disagree,
    int Abstain,
    int Present,
    int Recused,
    int Needed,
    bool Passed,
    string Text);

/// <summary>
/// 评审表决: the committee's vote on one level's candidates in one campaign. The office opens it
/// with the members present (only with the quorum); each present expert casts one secret ballot
/// per candidate they are not recused from; a re-vote of a candidate needs the office's reason
/// and the chair's confirmation; the office closes it, and the tally is locked.
/// </summary>
public sealed class VotingSession : Entity
{
    public const string AbsentFromDefenseText = "未参加答辩";

    private readonly List<Guid> _present = [];
    private readonly List<SessionCandidate> _candidates = [];
    private readonly List<SessionRecusal> _recusals = [];
    private readonly List<VoteReceipt> _receipts = [];
    private readonly List<BallotBox> _ballots = [];
    private readonly List<CandidateTally> _results = [];

    private VotingSession()
    {
        OpenedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public TitleLevel Level { get; private set; }

    /// <summary>The members who review the level when the session opened: the quorum's base.</summary>
    public int Members { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public IReadOnlyList<Guid> Present => _present;

    public IReadOnlyList<SessionCandidate> Candidates => _candidates;

    public IReadOnlyList<SessionRecusal> Recusals => _recusals;

    public IReadOnlyList<VoteReceipt> Receipts => _receipts;

    public IReadOnlyList<BallotBox> Ballots => _ballots;

    public IReadOnlyList<CandidateTally> Results => _results;

    public Guid ConcurrencyToken { get; private set; }

    /// <param name="members">The committee's members who review the level.</param>
    /// <param name="recusals">Each present expert's recusals among the campaign's applications.</param>
    /// <param name="existing">The level's session of the campaign, if one was opened already.</param>
    public static VotingSession Open(
        Guid campaignId,
        TitleLevel level,
        VotingWindow defense,
        IReadOnlyCollection<Guid> members,
        IReadOnlyCollection<Guid> present,
        IReadOnlyList<VotingCase> cases,
        IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> recusals,
        IVotingTerms terms,
        VotingSession? existing,
        DateTimeOffset now,
        string by)
    {
        ArgumentNullException.ThrowIfNull(terms);
        CheckRule(new VotingInTheDefenseWindowRule(defense, now));
        CheckRule(new OneVotingSessionPerLevelRule(existing));
        CheckRule(new PresentAreMembersOfTheLevelRule(present, members));
        CheckRule(new SessionHasQuorumRule(terms, present.Distinct().Count(), members.Count));
        CheckRule(new SeniorsDefenseRecordedRule(cases));
        CheckRule(new SessionHasCandidatesRule(cases));

        var session = new VotingSession
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            Level = level,
            Members = members.Count,
            OpenedAt = now,
            OpenedBy = by,
            ConcurrencyToken = Guid.NewGuid(),
        };
        session._present.AddRange(present.Distinct());
        foreach (var c in cases.Where(c => c.Standing != VotingStanding.AttendanceNotRecorded))
        {
            var absent = c.Standing == VotingStanding.AbsentFromDefense;
            session._candidates.Add(new SessionCandidate(c.ApplicationId, absent, 1, null, null, null));
            if (!absent)
            {
                session._ballots.Add(BallotBox.Empty(c.ApplicationId, 1));
                session._recusals.AddRange(session._present
                    .Where(e => recusals.TryGetValue(e, out var of) && of.Contains(c.ApplicationId))
                    .Select(e => new SessionRecusal(c.ApplicationId, e)));
            }
        }

        return session;
    }

    public bool IsRecused(Guid expertId, Guid applicationId) => _recusals.Any(r => r.ExpertId == expertId && r.ApplicationId == applicationId);

    /// <summary>The candidates the committee votes on (absent seniors have no ballot).</summary>
    public IEnumerable<SessionCandidate> Voted => _candidates.Where(c => !c.AbsentFromDefense);

    /// <summary>The candidates an expert still has to vote on in their current round.</summary>
    public IReadOnlyList<Guid> OutstandingFor(Guid expertId) =>
        !_present.Contains(expertId)
            ? []
            : Voted.Where(c => !IsRecused(expertId, c.ApplicationId) && !HasVoted(expertId, c)).Select(c => c.ApplicationId).ToList();

    public bool HasVoted(Guid expertId, SessionCandidate candidate) =>
        _receipts.Any(r => r.ExpertId == expertId && r.ApplicationId == candidate.ApplicationId && r.Round == candidate.Round);

    /// <summary>The present experts who must vote on the candidate in its round and have not.</summary>
    public IReadOnlyList<Guid> MissingFor(SessionCandidate candidate) =>
        _present.Where(e => !IsRecused(e, candidate.ApplicationId) && !HasVoted(e, candidate)).ToList();

    /// <summary>The ballot box of the candidate's current round.</summary>
    public BallotBox BoxOf(SessionCandidate candidate) => _ballots.Single(b => b.ApplicationId == candidate.ApplicationId && b.Round == candidate.Round);

    /// <summary>
    /// An expert's ballots, all at once: one per candidate still outstanding for them. Each puts a
    /// count in the candidate's box and a receipt in the expert's name, and the two keep nothing in
    /// common but the candidate and the round.
    /// </summary>
    public void Cast(Guid expertId, IReadOnlyDictionary<Guid, BallotChoice> ballots)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        CheckRule(new SessionIsOpenRule(this));
        CheckRule(new VoterIsPresentRule(_present, expertId));
        var outstanding = OutstandingFor(expertId);
        CheckRule(new NoRecusedCandidateOnTheBallotRule(ballots.Keys.Where(a => IsRecused(expertId, a)).ToList()));
        CheckRule(new OneBallotPerCandidateAndRoundRule(outstanding, ballots.Keys));
        CheckRule(new BallotCoversEveryCandidateRule(outstanding, ballots.Keys, ballots.Values));
        foreach (var candidate in Voted.Where(c => outstanding.Contains(c.ApplicationId)))
        {
            BoxOf(candidate).Put(ballots[candidate.ApplicationId]);
            _receipts.Add(new VoteReceipt(expertId, candidate.ApplicationId, candidate.Round));
        }

        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>The office asks for a re-vote of one candidate, with a reason; nothing changes until the chair confirms.</summary>
    public void RequestRevote(Guid applicationId, string? reason, DateTimeOffset now, string by)
    {
        CheckRule(new SessionIsOpenRule(this));
        CheckRule(new RevoteHasAReasonRule(reason));
        var (index, candidate) = Find(applicationId);
        CheckRule(new RevoteOfAVotedCandidateRule(candidate));
        CheckRule(new OneRevoteRequestAtATimeRule(candidate!));
        _candidates[index] = candidate! with { RevoteReason = reason!.Trim(), RevoteRequestedAt = now, RevoteRequestedBy = by };
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>
    /// The chair confirms the office's request: the candidate's new round starts with an empty box,
    /// the previous round's counts stay but no longer count. Returns the request's reason, which
    /// the case's journal records.
    /// </summary>
    public string ConfirmRevote(Guid applicationId, Guid expertId, bool isChair)
    {
        CheckRule(new SessionIsOpenRule(this));
        CheckRule(new ChairConfirmsRevoteRule(isChair, _present.Contains(expertId)));
        var (index, candidate) = Find(applicationId);
        CheckRule(new RevoteOfAVotedCandidateRule(candidate));
        CheckRule(new RevoteWasRequestedRule(candidate!));
        var reason = candidate!.RevoteReason!;
        var next = candidate with { Round = candidate.Round + 1, RevoteReason = null, RevoteRequestedAt = null, RevoteRequestedBy = null };
        _candidates[index] = next;
        _ballots.Add(BallotBox.Empty(applicationId, next.Round));
        ConcurrencyToken = Guid.NewGuid();
        return reason;
    }

    /// <summary>
    /// The office closes the session: refused while a present expert has a ballot outstanding; then
    /// each candidate's current round is counted against the campaign's pass share and locked. A
    /// re-vote still waiting for the chair lapses.
    /// </summary>
    /// <param name="names">The present experts' names, for the refusal's message.</param>
    public IReadOnlyList<CandidateTally> Close(IVotingTerms terms, IReadOnlyDictionary<Guid, string> names, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(terms);
        CheckRule(new SessionIsOpenRule(this));
        CheckRule(new EveryPresentExpertVotedRule(Voted.SelectMany(MissingFor).Distinct().Select(e => names.GetValueOrDefault(e, "未知评委")).ToList()));
        foreach (var candidate in _candidates)
        {
            _results.Add(candidate.AbsentFromDefense ? AbsentTally(candidate) : Tally(candidate, terms));
        }

        for (var i = 0; i < _candidates.Count; i++)
        {
            _candidates[i] = _candidates[i] with { RevoteReason = null, RevoteRequestedAt = null, RevoteRequestedBy = null };
        }

        ClosedAt = now;
        ClosedBy = by;
        ConcurrencyToken = Guid.NewGuid();
        return _results;
    }

    private CandidateTally Tally(SessionCandidate candidate, IVotingTerms terms)
    {
        var box = BoxOf(candidate);
        var recused = _recusals.Count(r => r.ApplicationId == candidate.ApplicationId);
        var voting = _present.Count - recused;
        var needed = terms.ApprovalsNeeded(voting);
        var passed = terms.Passes(box.Agree, voting);
        var round = candidate.Round > 1 ? $"（第{candidate.Round}轮）" : string.Empty;
        var text = $"表决结果{round}：同意{box.Agree}票，不同意{box.Disagree}票，弃权{box.Abstain}票（到会{_present.Count}人，回避{recused}人，须同意{needed}票）";
        return new CandidateTally(candidate.ApplicationId, false, candidate.Round, box.Agree, box.Disagree, box.Abstain, _present.Count, recused, needed, passed, text);
    }

    private CandidateTally AbsentTally(SessionCandidate candidate) =>
        new(candidate.ApplicationId, true, candidate.Round, 0, 0, 0, _present.Count, 0, 0, false, AbsentFromDefenseText);

    private (int Index, SessionCandidate? Candidate) Find(Guid applicationId)
    {
        var index = _candidates.FindIndex(c => c.ApplicationId == applicationId);
        return index < 0 ? (index, null) : (index, _candidates[index]);
    }
}

using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee.Voting;

/// <summary>
/// The committee's quorum and pass share as the vote applies them; the campaign's terms
/// (<c>Campaigns.CommitteeTerms</c>) are this, so the vote reads them without knowing campaigns.
/// </summary>
public interface IVotingTerms
{
    bool HasQuorum(int present, int members);

    int QuorumOf(int members);

    bool Passes(int approvals, int present);

    int ApprovalsNeeded(int present);

    string QuorumText { get; }
}

/// <summary>The campaign's defense and review window, as the vote reads it (the campaign's stage, described in its words).</summary>
public sealed record VotingWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Description)
{
    public bool IsOpenAt(DateTimeOffset instant) => instant >= OpensAt && instant < ClosesAt;
}

/// <summary>The committee votes in the defense and review window (答辩及评审, 2023: Dec 4–8).</summary>
public sealed class VotingInTheDefenseWindowRule(VotingWindow defense, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => !defense.IsOpenAt(now);

    public string Message => $"评审表决只能在{defense.Description}期间进行。";
}

/// <summary>A level is voted on in one session per campaign: its tally, once locked, is the result.</summary>
public sealed class OneVotingSessionPerLevelRule(VotingSession? existing) : IBusinessRule
{
    public bool IsBroken() => existing is not null;

    public string Message => existing?.IsOpen == true ? "本等级的评审表决已经开始。" : "本等级的评审表决已经结束，表决结果已锁定。";
}

/// <summary>Only the committee's members who review the level are recorded present, and at least one is.</summary>
public sealed class PresentAreMembersOfTheLevelRule(IReadOnlyCollection<Guid> present, IReadOnlyCollection<Guid> members) : IBusinessRule
{
    public bool IsBroken() => present.Count == 0 || present.Any(p => !members.Contains(p));

    public string Message => present.Count == 0 ? "请勾选到会的评委。" : "到会评委须为评审本等级的评审委员会委员。";
}

/// <summary>A session is valid only with the quorum of the level's members present (at or above the campaign's share).</summary>
public sealed class SessionHasQuorumRule(IVotingTerms terms, int present, int members) : IBusinessRule
{
    public bool IsBroken() => !terms.HasQuorum(present, members);

    public string Message => $"到会评委 {present} 人，不足法定人数：评审本等级的委员 {members} 人，须至少 {terms.QuorumOf(members)} 人（{terms.QuorumText}）到会。";
}

/// <summary>Every senior on the list is recorded present or absent at the defense before their level is voted on.</summary>
public sealed class SeniorsDefenseRecordedRule(IReadOnlyList<VotingCase> cases) : IBusinessRule
{
    private IEnumerable<string> Waiting => cases.Where(c => c.Standing == VotingStanding.AttendanceNotRecorded).Select(c => c.ApplicantName);

    public bool IsBroken() => Waiting.Any();

    public string Message => $"尚未记录答辩出席情况：{string.Join("、", Waiting)}。记录后才能开始表决。";
}

public sealed class SessionHasCandidatesRule(IReadOnlyList<VotingCase> cases) : IBusinessRule
{
    public bool IsBroken() => cases.Count == 0;

    public string Message => "本等级没有送评审委员会评审的人员。";
}

/// <summary>Ballots, re-votes and the close happen only while the session is open: no later votes.</summary>
public sealed class SessionIsOpenRule(VotingSession session) : IBusinessRule
{
    public bool IsBroken() => !session.IsOpen;

    public string Message => "本次评审表决已经结束，表决结果已锁定。";
}

/// <summary>Only an expert recorded present votes: no proxy, no vote from the absent or from a non-member.</summary>
public sealed class VoterIsPresentRule(IReadOnlyCollection<Guid> present, Guid expertId) : IBusinessRule
{
    public bool IsBroken() => !present.Contains(expertId);

    public string Message => "您未登记为本次评审表决的到会评委，不能投票。";
}

/// <summary>A recused expert casts no ballot on the candidate.</summary>
public sealed class NoRecusedCandidateOnTheBallotRule(IReadOnlyCollection<Guid> recused) : IBusinessRule
{
    public bool IsBroken() => recused.Count > 0;

    public string Message => "您对该申报人须回避，不能投票。";
}

/// <summary>One ballot per expert, candidate and round: a second one is refused and changes nothing.</summary>
public sealed class OneBallotPerCandidateAndRoundRule(IReadOnlyCollection<Guid> outstanding, IEnumerable<Guid> cast) : IBusinessRule
{
    public bool IsBroken() => outstanding.Count == 0 || cast.Any(c => !outstanding.Contains(c));

    public string Message => outstanding.Count == 0 ? "您已投过票，不能重复投票。" : "表决票中有您已投过票或不在本次表决中的申报人，不能重复投票。";
}

/// <summary>An expert casts their ballots at once, one choice for every candidate outstanding.</summary>
public sealed class BallotCoversEveryCandidateRule(IReadOnlyCollection<Guid> outstanding, IEnumerable<Guid> cast, IEnumerable<BallotChoice> choices) : IBusinessRule
{
    public bool IsBroken() => outstanding.Any(o => !cast.Contains(o)) || choices.Any(c => !Enum.IsDefined(c));

    public string Message => "请对每位申报人选择同意、不同意或弃权。";
}

public sealed class RevoteHasAReasonRule(string? reason) : IBusinessRule
{
    public const int MaxReasonLength = 200;

    public bool IsBroken() => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength;

    public string Message => string.IsNullOrWhiteSpace(reason) ? "请填写重新表决的理由。" : $"重新表决的理由不能超过 {MaxReasonLength} 个字。";
}

/// <summary>A re-vote is of a candidate the session votes on (not an absent senior, who has no ballot).</summary>
public sealed class RevoteOfAVotedCandidateRule(SessionCandidate? candidate) : IBusinessRule
{
    public bool IsBroken() => candidate is null || candidate.AbsentFromDefense;

    public string Message => "该申报人不在本次表决中，不能重新表决。";
}

public sealed class OneRevoteRequestAtATimeRule(SessionCandidate candidate) : IBusinessRule
{
    public bool IsBroken() => candidate.RevoteReason is not null;

    public string Message => "已申请重新表决，等待主任委员确认。";
}

public sealed class RevoteWasRequestedRule(SessionCandidate candidate) : IBusinessRule
{
    public bool IsBroken() => candidate.RevoteReason is null;

    public string Message => "省政工职评办没有申请对该申报人重新表决。";
}

/// <summary>Only the committee's chair (主任委员), present at the session, confirms a re-vote.</summary>
public sealed class ChairConfirmsRevoteRule(bool isChair, bool present) : IBusinessRule
{
    public bool IsBroken() => !isChair || !present;

    public string Message => isChair ? "主任委员须到会才能确认重新表决。" : "只有主任委员可以确认重新表决。";
}

/// <summary>The session closes when every present expert voted on every candidate they are not recused from: the message names who has not, never how anyone voted.</summary>
public sealed class EveryPresentExpertVotedRule(IReadOnlyList<string> missing) : IBusinessRule
{
    public bool IsBroken() => missing.Count > 0;

    public string Message => $"尚有评委未投票：{string.Join("、", missing)}。全部到会评委投票后才能结束表决。";
}

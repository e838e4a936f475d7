using TitleReview.Domain.Common;

namespace TitleReview.Domain.Campaigns;

/// <summary>
/// The committee's terms for one campaign. The notice is silent on them, so the defaults are the
/// national interim rules on title review (职称评审管理暂行规定, 2019): two thirds of the members
/// present for a valid session, approvals from two thirds of the experts present to pass, the
/// defense announced a week ahead, the results publicised for five working days. The office may
/// change them per campaign.
/// </summary>
public sealed record CommitteeTerms(
    int QuorumNumerator,
    int QuorumDenominator,
    int PassNumerator,
    int PassDenominator,
    int DefenseNoticeDays,
    int ResultsPublicityWorkingDays) : Applications.Committee.Voting.IVotingTerms
{
    public const int MaxDenominator = 100;
    public const int MaxNoticeDays = 60;
    public const int MaxPublicityWorkingDays = 30;

    public static readonly CommitteeTerms Default = new(2, 3, 2, 3, 7, 5);

    /// <summary>Whether enough of the members are present for a valid session (at or above the share).</summary>
    public bool HasQuorum(int present, int members) => members > 0 && (long)present * QuorumDenominator >= (long)members * QuorumNumerator;

    /// <summary>The fewest members present for a valid session.</summary>
    public int QuorumOf(int members) => (int)Math.Ceiling((decimal)members * QuorumNumerator / QuorumDenominator);

    /// <summary>Whether a candidate passes: approvals at or above the share of the experts voting on them (abstentions count as present).</summary>
    public bool Passes(int approvals, int present) => present > 0 && (long)approvals * PassDenominator >= (long)present * PassNumerator;

    /// <summary>The fewest approvals that pass a candidate with this many experts present.</summary>
    public int ApprovalsNeeded(int present) => (int)Math.Ceiling((decimal)present * PassNumerator / PassDenominator);

    public string QuorumText => $"{QuorumNumerator}/{QuorumDenominator}";

    public string PassText => $"{PassNumerator}/{PassDenominator}";
}

/// <summary>A quorum or pass share is a fraction from one half to the whole.</summary>
public sealed class ShareAtLeastHalfRule(string what, int numerator, int denominator) : IBusinessRule
{
    public bool IsBroken() => denominator < 1 || denominator > CommitteeTerms.MaxDenominator || numerator < 1 || numerator > denominator || numerator * 2 < denominator;

    public string Message => $"{what}须为不低于1/2、不高于1的分数（分母1至{CommitteeTerms.MaxDenominator}）。";
}

public sealed class DefenseNoticeInRangeRule(int days) : IBusinessRule
{
    public bool IsBroken() => days < 1 || days > CommitteeTerms.MaxNoticeDays;

    public string Message => $"答辩安排须提前公布的天数为1至{CommitteeTerms.MaxNoticeDays}天。";
}

public sealed class ResultsPublicityInRangeRule(int workingDays) : IBusinessRule
{
    public bool IsBroken() => workingDays < 1 || workingDays > CommitteeTerms.MaxPublicityWorkingDays;

    public string Message => $"评审结果公示期为1至{CommitteeTerms.MaxPublicityWorkingDays}个工作日。";
}

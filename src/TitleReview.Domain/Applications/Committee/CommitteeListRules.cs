using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee;

/// <summary>Where a case stands after the preliminary review and its publicity.</summary>
public enum PreliminaryStanding
{
    /// <summary>Checked in, not yet decided or published.</summary>
    Undecided = 1,

    Failed = 2,

    /// <summary>Failed, supplemented, and the office's review of the supplement is still open.</summary>
    SupplementAwaitingReview = 3,

    Passed = 4,

    /// <summary>Failed at first, passed after the applicant's supplement (补充材料后通过).</summary>
    PassedOnSupplement = 5,
}

/// <summary>What the unit fed back after the preliminary publicity.</summary>
public enum FeedbackStanding
{
    /// <summary>The feedback window has not closed on the case yet.</summary>
    Awaiting = 1,

    Missing = 2,

    NoObjection = 3,

    ObjectionDismissed = 4,

    ObjectionUpheld = 5,
}

/// <summary>The spot check of the originals (抽查复核), as far as it concerns the case.</summary>
public enum SpotCheckStanding
{
    NotDrawn = 1,

    Pending = 2,

    Passed = 3,

    /// <summary>Originals and scans differ: an integrity case is open.</summary>
    Mismatch = 4,

    /// <summary>Drawn, but the originals were not checked by the close of the spot check.</summary>
    NotChecked = 5,
}

/// <summary>The office's own adjustment of the compiled list.</summary>
public enum OfficeListDecision
{
    None = 0,

    /// <summary>不列入: an eligible case taken off, with a reason.</summary>
    Removed = 1,

    /// <summary>特例列入: a case without the unit's feedback kept on, with a reason.</summary>
    Kept = 2,
}

/// <summary>
/// A case's facts as the committee list reads them. <paramref name="Eligible"/> is what the
/// workflow definition says (a state meaning committeeEligible): the rules below explain it,
/// they do not second-guess it.
/// </summary>
public sealed record CommitteeListFacts(
    bool Eligible,
    PreliminaryStanding Preliminary,
    FeedbackStanding Feedback,
    SpotCheckStanding SpotCheck,
    OfficeListDecision OfficeDecision = OfficeListDecision.None,
    string? OfficeReason = null);

/// <summary>Whether a case goes to the committee, and why, in the words the office and the applicant read.</summary>
public sealed record CommitteeListVerdict(bool OnList, string Reason, bool Blocked);

/// <summary>
/// The notice's conditions for the committee list (三, 4): passed the preliminary review (or
/// passed after supplements), no standing objection in the publicity feedback, the spot check
/// passed if drawn, and the office did not take the case off. Each condition is a named rule;
/// its message is the reason a case is off the list.
/// </summary>
public static class CommitteeListRules
{
    public const string Separator = "；";

    public static CommitteeListVerdict Decide(CommitteeListFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Eligible)
        {
            return new CommitteeListVerdict(true, string.Join(Separator, OnListReasons(facts)), false);
        }

        var broken = Conditions(facts).FirstOrDefault(r => r.IsBroken());
        var blocked = facts.SpotCheck == SpotCheckStanding.Mismatch;
        return new CommitteeListVerdict(false, broken?.Message ?? NotEligibleMessage, blocked);
    }

    /// <summary>Said only when the definition and the rules disagree, which a definition's tests keep from happening.</summary>
    public const string NotEligibleMessage = "不符合送评条件";

    /// <summary>The conditions in the order the notice's stages run: the earliest broken one is the reason.</summary>
    public static IEnumerable<IBusinessRule> Conditions(CommitteeListFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        yield return new PassedThePreliminaryReviewRule(facts.Preliminary);
        yield return new NoObjectionUpheldRule(facts.Feedback);
        yield return new FeedbackReceivedRule(facts.Feedback, facts.OfficeDecision);
        yield return new SpotCheckClearedRule(facts.SpotCheck);
        yield return new NotRemovedByTheOfficeRule(facts.OfficeDecision, facts.OfficeReason);
    }

    private static IEnumerable<string> OnListReasons(CommitteeListFacts facts)
    {
        yield return facts.Preliminary == PreliminaryStanding.PassedOnSupplement ? "初审未通过，补充材料后通过" : "初审通过";
        yield return facts.Feedback switch
        {
            FeedbackStanding.ObjectionDismissed => "公示异议不成立",
            FeedbackStanding.Missing when facts.OfficeDecision == OfficeListDecision.Kept => $"单位未反馈公示结果{Separator}省政工职评办特例列入：{facts.OfficeReason}",
            _ => "公示无异议",
        };
        yield return facts.SpotCheck == SpotCheckStanding.Passed ? "抽查复核原件一致" : "未被抽查";
    }
}

/// <summary>Only a passed preliminary review (or a pass after supplements) goes to the committee.</summary>
public sealed class PassedThePreliminaryReviewRule(PreliminaryStanding standing) : IBusinessRule
{
    public bool IsBroken() => standing is not (PreliminaryStanding.Passed or PreliminaryStanding.PassedOnSupplement);

    public string Message => standing switch
    {
        PreliminaryStanding.Undecided => "初审尚未作出结论",
        PreliminaryStanding.SupplementAwaitingReview => "补充材料尚待审核",
        _ => "初审未通过",
    };
}

/// <summary>An objection the unit found to be true keeps the case from the committee.</summary>
public sealed class NoObjectionUpheldRule(FeedbackStanding feedback) : IBusinessRule
{
    public bool IsBroken() => feedback == FeedbackStanding.ObjectionUpheld;

    public string Message => "公示异议成立";
}

/// <summary>The unit must confirm the publicity's result; only the office's exception (特例列入) stands in for it.</summary>
public sealed class FeedbackReceivedRule(FeedbackStanding feedback, OfficeListDecision decision) : IBusinessRule
{
    public bool IsBroken() => feedback is FeedbackStanding.Missing or FeedbackStanding.Awaiting && decision != OfficeListDecision.Kept;

    public string Message => feedback == FeedbackStanding.Awaiting ? "公示结果尚未反馈" : "单位未反馈公示结果";
}

/// <summary>A drawn case goes only once its originals matched the scans.</summary>
public sealed class SpotCheckClearedRule(SpotCheckStanding spotCheck) : IBusinessRule
{
    public bool IsBroken() => spotCheck is SpotCheckStanding.Pending or SpotCheckStanding.Mismatch or SpotCheckStanding.NotChecked;

    public string Message => spotCheck switch
    {
        SpotCheckStanding.Mismatch => "抽查复核发现原件与扫描件不一致，待诚信处理",
        SpotCheckStanding.NotChecked => "抽查原件未按期核对",
        _ => "抽查复核尚未完成",
    };
}

/// <summary>The office may take an eligible case off the list, and says why.</summary>
public sealed class NotRemovedByTheOfficeRule(OfficeListDecision decision, string? reason) : IBusinessRule
{
    public bool IsBroken() => decision == OfficeListDecision.Removed;

    public string Message => $"省政工职评办不列入：{reason}";
}

/// <summary>The office's removal or exception is recorded with its reason, which the applicant reads.</summary>
public sealed class CommitteeListDecisionHasAReasonRule(string? reason) : IBusinessRule
{
    public const int MaxReasonLength = 200;

    public bool IsBroken() => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength;

    public string Message => string.IsNullOrWhiteSpace(reason) ? "请填写理由。" : $"理由不能超过 {MaxReasonLength} 个字。";
}

/// <summary>A unit and how many of its cases hold up the list.</summary>
public sealed record PendingAtUnit(string UnitName, int Count);

/// <summary>A supplement still under review could turn a failed case into a passed one: the list waits for it.</summary>
public sealed class NoSupplementAwaitingReviewRule(IReadOnlyList<PendingAtUnit> pending) : IBusinessRule
{
    public bool IsBroken() => pending.Count > 0;

    public string Message =>
        $"尚有 {pending.Sum(u => u.Count)} 份补充材料待审核（{string.Join("、", pending.Select(u => $"{u.UnitName} {u.Count} 份"))}），审核后才能公布送评名单。";
}

/// <summary>
/// A spot check whose commitment is published promises a draw among the candidates it names: the
/// list waits for that draw, or it would send to the committee people the public expects re-checked.
/// </summary>
public sealed class CommitteeListAfterTheAnnouncedDrawRule(SpotCheckDrawStatus? draw) : IBusinessRule
{
    public bool IsBroken() => draw == SpotCheckDrawStatus.Committed;

    public string Message => "抽查复核的承诺已公布但尚未抽取：请先抽取并核对被抽中人员的原件，再公布送评名单。";
}

/// <summary>A drawn case whose originals are not yet checked cannot be placed on or off the list.</summary>
public sealed class NoSpotCheckPendingRule(IReadOnlyList<PendingAtUnit> pending) : IBusinessRule
{
    public bool IsBroken() => pending.Count > 0;

    public string Message =>
        $"尚有 {pending.Sum(u => u.Count)} 人的抽查复核未完成（{string.Join("、", pending.Select(u => $"{u.UnitName} {u.Count} 人"))}），核对原件后才能公布送评名单。";
}

/// <summary>A list with nobody on it sends nobody to the committee: there is nothing to publish.</summary>
public sealed class CommitteeListHasSomeoneEligibleRule(int eligible) : IBusinessRule
{
    public bool IsBroken() => eligible == 0;

    public string Message => "没有符合送评条件的人员，不能公布送评名单。";
}

/// <summary>A campaign's committee list is published once.</summary>
public sealed class OneCommitteeListPerCampaignRule(PublicPublicity? existing) : IBusinessRule
{
    public bool IsBroken() => existing is not null;

    public string Message => existing is null ? string.Empty : $"本年度送评名单已经公布（{existing.Title}，{existing.PeriodText}），不能重复公布。";
}

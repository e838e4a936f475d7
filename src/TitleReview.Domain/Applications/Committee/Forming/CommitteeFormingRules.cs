using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee.Forming;

/// <summary>
/// An expert who sits on a committee whose review is not over (its campaign's defense and vote
/// window has not closed) stays active: the committee would otherwise keep a seat nobody may take.
/// The office takes the expert off that committee first, which is a decision it makes openly.
/// </summary>
/// <param name="openCommitteeYears">The years of the not yet finished committees the expert sits on.</param>
public sealed class SeatedExpertStaysActiveRule(IReadOnlyCollection<int> openCommitteeYears) : IBusinessRule
{
    public bool IsBroken() => openCommitteeYears.Count > 0;

    public string Message =>
        $"该专家是{string.Join("、", openCommitteeYears.Order())}年度评审委员会的成员，评审尚未结束，不能停用；请先在评审委员会中将其调出后再停用。";
}

/// <summary>
/// The committee is formed for the review: once the campaign's defense and vote window has
/// closed, the committee that reviewed is the record and is no longer re-formed.
/// </summary>
/// <param name="defenseClosesAt">When the campaign's defense and vote window closes; null when the campaign has no such stage.</param>
public sealed class CommitteeFormedBeforeTheReviewEndsRule(int year, DateTimeOffset? defenseClosesAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => defenseClosesAt is not { } closes || now >= closes;

    public string Message => defenseClosesAt is null
        ? $"{year}年度评审工作没有答辩及评审阶段，不能组建评审委员会。"
        : $"{year}年度答辩及评审已经结束，评审委员会不能再调整。";
}

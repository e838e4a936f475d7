using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee.ExpertReview;

/// <summary>The expert's recommendation beside the written opinion.</summary>
public enum OpinionRecommendation
{
    /// <summary>同意推荐.</summary>
    Recommend = 1,

    /// <summary>不同意推荐.</summary>
    DoNotRecommend = 2,

    /// <summary>待议.</summary>
    Undecided = 3,
}

public static class OpinionRecommendations
{
    public static readonly IReadOnlyList<OpinionRecommendation> All = [OpinionRecommendation.Recommend, OpinionRecommendation.DoNotRecommend, OpinionRecommendation.Undecided];

    public static string DisplayName(OpinionRecommendation recommendation) => recommendation switch
    {
        OpinionRecommendation.Recommend => "同意推荐",
        OpinionRecommendation.DoNotRecommend => "不同意推荐",
        OpinionRecommendation.Undecided => "待议",
        _ => string.Empty,
    };
}

/// <summary>
/// 评审意见: one expert's written opinion on one candidate's dossier. The expert may revise it while
/// the case is before the committee; once the committee has decided, it stands as written.
/// </summary>
public sealed class ExpertOpinion : Entity
{
    public const int MaxTextLength = 1000;

    private ExpertOpinion()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ExpertId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Text { get; private set; }

    public OpinionRecommendation Recommendation { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    /// <param name="beforeCommittee">The case is still before the committee (not yet decided by its vote).</param>
    public static ExpertOpinion Write(Guid expertId, Guid campaignId, Guid applicationId, string? text, OpinionRecommendation? recommendation, bool beforeCommittee, DateTimeOffset now)
    {
        var opinion = new ExpertOpinion { Id = Guid.NewGuid(), ExpertId = expertId, CampaignId = campaignId, ApplicationId = applicationId, WrittenAt = now };
        opinion.Revise(text, recommendation, beforeCommittee, now);
        return opinion;
    }

    public void Revise(string? text, OpinionRecommendation? recommendation, bool beforeCommittee, DateTimeOffset now)
    {
        CheckRule(new OpinionOnlyWhileBeforeCommitteeRule(beforeCommittee));
        CheckRule(new OpinionTextWithinLengthRule(text));
        CheckRule(new OpinionRecommendationChosenRule(recommendation));
        Text = text!.Trim();
        Recommendation = recommendation!.Value;
        UpdatedAt = now;
        ConcurrencyToken = Guid.NewGuid();
    }
}

/// <summary>An opinion is written (or changed) only while the case is before the committee: after its vote it stands.</summary>
public sealed class OpinionOnlyWhileBeforeCommitteeRule(bool beforeCommittee) : IBusinessRule
{
    public bool IsBroken() => !beforeCommittee;

    public string Message => "评审委员会已对该申报人作出评审结论，评审意见不能再填写或修改。";
}

/// <summary>An opinion says something, within its length.</summary>
public sealed class OpinionTextWithinLengthRule(string? text) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(text) || text.Trim().Length > ExpertOpinion.MaxTextLength;

    public string Message => $"请填写评审意见（不超过{ExpertOpinion.MaxTextLength}字）。";
}

/// <summary>An opinion ends in one of the listed recommendations.</summary>
public sealed class OpinionRecommendationChosenRule(OpinionRecommendation? recommendation) : IBusinessRule
{
    public bool IsBroken() => recommendation is not { } chosen || !Enum.IsDefined(chosen);

    public string Message => "请选择推荐意见：同意推荐、不同意推荐或待议。";
}

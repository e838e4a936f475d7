using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee.Defense;

/// <summary>
/// One panel expert's score (0–100) and written opinion on one candidate's defense. Each expert
/// writes their own from their account, so it is its own row rather than part of the schedule;
/// it can be revised until the panel's conclusion is recorded.
/// </summary>
public sealed class DefenseScore : Entity
{
    public const int MinScore = 0;
    public const int MaxScore = 100;
    public const int MaxOpinionLength = 1000;

    private DefenseScore()
    {
        Opinion = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid ExpertId { get; private set; }

    public int Score { get; private set; }

    public string Opinion { get; private set; }

    public DateTimeOffset ScoredAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    /// <param name="concludedAt">When the panel's conclusion on the candidate was recorded, if it was.</param>
    public static DefenseScore Give(Guid campaignId, Guid applicationId, Guid expertId, int? score, string? opinion, DateTimeOffset? concludedAt, DateTimeOffset now)
    {
        var given = new DefenseScore { Id = Guid.NewGuid(), CampaignId = campaignId, ApplicationId = applicationId, ExpertId = expertId };
        given.Revise(score, opinion, concludedAt, now);
        return given;
    }

    public void Revise(int? score, string? opinion, DateTimeOffset? concludedAt, DateTimeOffset now)
    {
        CheckRule(new DefenseScoreOpenUntilConclusionRule(concludedAt));
        CheckRule(new DefenseScoreInRangeRule(score));
        CheckRule(new DefenseOpinionWrittenRule(opinion));
        Score = score!.Value;
        Opinion = opinion!.Trim();
        ScoredAt = now;
        ConcurrencyToken = Guid.NewGuid();
    }
}

/// <summary>A score is a whole number from 0 to 100.</summary>
public sealed class DefenseScoreInRangeRule(int? score) : IBusinessRule
{
    public bool IsBroken() => score is not (>= DefenseScore.MinScore and <= DefenseScore.MaxScore);

    public string Message => $"评分须为{DefenseScore.MinScore}至{DefenseScore.MaxScore}的整数。";
}

/// <summary>Every score comes with a written opinion (评审意见).</summary>
public sealed class DefenseOpinionWrittenRule(string? opinion) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(opinion) || opinion.Trim().Length > DefenseScore.MaxOpinionLength;

    public string Message => $"请填写答辩评审意见（{DefenseScore.MaxOpinionLength}字以内）。";
}

/// <summary>Once the panel concluded, the scores it concluded on stay as they were.</summary>
public sealed class DefenseScoreOpenUntilConclusionRule(DateTimeOffset? concludedAt) : IBusinessRule
{
    public bool IsBroken() => concludedAt is not null;

    public string Message => "答辩结论已经记录，评分不能再修改。";
}

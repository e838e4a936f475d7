using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.Committee.Results;

/// <summary>How many candidates of one level are still before the committee (their level's vote not closed).</summary>
public sealed record PendingAtLevel(TitleLevel Level, int Count);

/// <summary>The results are publicised for at least the working days the campaign's committee terms set (five by default).</summary>
public sealed class ResultsPublicityNoShorterThanTheTermsRule(int workingDays, int minimum) : IBusinessRule
{
    public bool IsBroken() => workingDays < minimum;

    public string Message => $"评审结果公示期不能少于 {minimum} 个工作日。";
}

/// <summary>A campaign's results are published once: a line cannot be added or taken back afterwards.</summary>
public sealed class OneResultsPublicityPerCampaignRule(PublicPublicity? existing) : IBusinessRule
{
    public bool IsBroken() => existing is not null;

    public string Message => existing is null ? string.Empty : $"本年度评审结果已于 {BeijingTime.Format(existing.PublishedAt)} 公布（{existing.PeriodText}），不能重复公布。";
}

/// <summary>The results are published in the results stage, whose close is also the units' deadline to report back.</summary>
public sealed class ResultsPublishedInTheResultsStageRule(string stageName, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now < opensAt || now >= closesAt;

    public string Message => $"评审结果只能在“{stageName}”期间（{BeijingTime.DateOf(opensAt):yyyy年M月d日}至{BeijingTime.DateOf(closesAt.AddTicks(-1)):M月d日}）公布。";
}

/// <summary>Every candidate's level must have voted: a result published without one could never be added.</summary>
public sealed class NoCandidateStillBeforeTheCommitteeRule(IReadOnlyList<PendingAtLevel> pending) : IBusinessRule
{
    public bool IsBroken() => pending.Any(p => p.Count > 0);

    public string Message =>
        $"尚有 {pending.Sum(p => p.Count)} 名参评人员未完成评审表决（{string.Join("，", pending.Where(p => p.Count > 0).Select(p => $"{TitleLevels.DisplayName(p.Level)} {p.Count} 人"))}），须各等级表决结束后才能公布评审结果。";
}

public sealed class ResultsPublicityHasResultsRule(int results) : IBusinessRule
{
    public bool IsBroken() => results == 0;

    public string Message => "评审委员会尚无表决结果，不能公布评审结果。";
}

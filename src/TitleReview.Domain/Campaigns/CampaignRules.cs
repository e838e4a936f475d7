using TitleReview.Domain.Applications;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Campaigns;

/// <summary>A campaign is for a year the system can plan: between <see cref="Campaign.MinYear"/> and <see cref="Campaign.MaxYear"/>.</summary>
public sealed class CampaignYearInRangeRule(int year) : IBusinessRule
{
    public bool IsBroken() => year is < Campaign.MinYear or > Campaign.MaxYear;

    public string Message => $"年度须在 {Campaign.MinYear} 到 {Campaign.MaxYear} 之间。";
}

/// <summary>A campaign has a name: every notice, page and printed paper carries it.</summary>
public sealed class CampaignHasANameRule(string? name) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(name);

    public string Message => "请填写年度评审工作的名称。";
}

/// <summary>任职年限终算时间 lies in the campaign's own year (the notice: Dec 31 of that year).</summary>
public sealed class TenureCutoffInCampaignYearRule(int year, DateOnly tenureCutoff) : IBusinessRule
{
    public bool IsBroken() => tenureCutoff.Year != year;

    public string Message => $"任职年限终算时间应在 {year} 年内（通常为 {year}-12-31）。";
}

/// <summary>
/// A level's requirements are counts, never negative; continuing education is asked for at most
/// <see cref="MaxEducationYears"/> past years.
/// </summary>
public sealed class LevelRuleValuesInRangeRule(LevelRule rule) : IBusinessRule
{
    public const int MaxEducationYears = 10;

    public bool IsBroken() =>
        rule.HoursPerYear < 0 || rule.EducationYears is < 0 or > MaxEducationYears || rule.RequiredWordCount < 0 || rule.RequiredPapers < 0 || rule.MinYearsInCurrentTitle < 0;

    public string Message => $"申报条件中的数值不能为负数，继续教育年数不能超过 {MaxEducationYears} 年。";
}

/// <summary>
/// The professional share of each year's hours lies between 1% and 100%: a whole fraction with a
/// denominator of at most <see cref="ProfessionalShare.MaxDenominator"/> and a numerator from 1 up
/// to the denominator.
/// </summary>
public sealed class ProfessionalShareInRangeRule(ProfessionalShare share) : IBusinessRule
{
    public bool IsBroken() => share.Denominator is < 1 or > ProfessionalShare.MaxDenominator || share.Numerator < 1 || share.Numerator > share.Denominator;

    public string Message => $"专业科目学时占比应在 1% 到 100% 之间：分母为 1 到 {ProfessionalShare.MaxDenominator} 的整数，分子为不大于分母的正整数。";
}

/// <summary>
/// A level's 评审费, once set, is a positive amount of yuan with at most two decimals (fen) and at
/// most <see cref="MaxFee"/>: a fee beyond that is a typing mistake, not a fee.
/// </summary>
public sealed class ReviewFeeInRangeRule(decimal? fee) : IBusinessRule
{
    public const decimal MaxFee = 10_000m;

    public bool IsBroken() => fee is { } f && (f <= 0 || f > MaxFee || decimal.Round(f, 2) != f);

    public string Message => $"评审费应为大于 0、不超过 {MaxFee:0} 元的金额，最多保留两位小数。";
}

/// <summary>A timeline keeps every rule of <see cref="TimelineRules"/> against its stage catalogue; the message lists every problem.</summary>
public sealed class TimelineKeepsItsRulesRule(IReadOnlyList<StageWindow> stages, StageCatalogue catalogue) : IBusinessRule
{
    private readonly IReadOnlyList<(string StageKey, string Message)> _problems = TimelineRules.Check(stages, catalogue);

    public bool IsBroken() => _problems.Count > 0;

    public string Message => string.Join(" ", _problems.Select(p => p.Message));
}

/// <summary>A stage is named by its key among the stages the campaign was created with.</summary>
public sealed class CampaignHasTheStageRule(CampaignStage? found, string key) : IBusinessRule
{
    public bool IsBroken() => found is null;

    public string Message => $"年度评审工作中没有阶段“{key}”。";
}

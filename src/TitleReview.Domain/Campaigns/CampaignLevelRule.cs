using TitleReview.Domain.Applications;

namespace TitleReview.Domain.Campaigns;

/// <summary>A campaign's requirements for one title level (see <see cref="LevelRule"/>).</summary>
public sealed class CampaignLevelRule
{
    private CampaignLevelRule()
    {
    }

    public long Id { get; private set; }

    public TitleLevel Level { get; private set; }

    public int HoursPerYear { get; private set; }

    public int EducationYears { get; private set; }

    public int RequiredWordCount { get; private set; }

    public int RequiredPapers { get; private set; }

    public int MinYearsInCurrentTitle { get; private set; }

    /// <summary>评审费 per applicant of this level, in yuan; null until the office sets it.</summary>
    public decimal? ReviewFee { get; private set; }

    // The three settings below came after the counts: a row saved before them holds nulls and
    // reads as the level's defaults, so no stored campaign changes meaning by the upgrade.

    /// <summary>The professional share of each year's hours, as a fraction (see <see cref="ProfessionalShare"/>).</summary>
    public int? ProfessionalShareNumerator { get; private set; }

    public int? ProfessionalShareDenominator { get; private set; }

    public bool? SkippingAllowed { get; private set; }

    public bool? FirstEvaluationOpen { get; private set; }

    public static CampaignLevelRule From(LevelRule rule)
    {
        var entity = new CampaignLevelRule { Level = rule.Level };
        entity.Update(rule);
        return entity;
    }

    public LevelRule ToRule()
    {
        var defaults = LevelRule.DefaultFor(Level);
        return new(Level, HoursPerYear, EducationYears, RequiredWordCount, RequiredPapers, MinYearsInCurrentTitle, ReviewFee)
        {
            ProfessionalShare = ProfessionalShareNumerator is { } numerator && ProfessionalShareDenominator is { } denominator
                ? new ProfessionalShare(numerator, denominator)
                : defaults.ProfessionalShare,
            SkippingAllowed = SkippingAllowed ?? defaults.SkippingAllowed,
            FirstEvaluationOpen = FirstEvaluationOpen ?? defaults.FirstEvaluationOpen,
        };
    }

    internal void Update(LevelRule rule)
    {
        HoursPerYear = rule.HoursPerYear;
        EducationYears = rule.EducationYears;
        RequiredWordCount = rule.RequiredWordCount;
        RequiredPapers = rule.RequiredPapers;
        MinYearsInCurrentTitle = rule.MinYearsInCurrentTitle;
        ReviewFee = rule.ReviewFee;
        ProfessionalShareNumerator = rule.ProfessionalShare.Numerator;
        ProfessionalShareDenominator = rule.ProfessionalShare.Denominator;
        SkippingAllowed = rule.SkippingAllowed;
        FirstEvaluationOpen = rule.FirstEvaluationOpen;
    }
}

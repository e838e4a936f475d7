using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>One year of continuing education as the dossier states it.</summary>
public sealed record HoursOfYear(int Year, int Hours, int ProfessionalHours);

/// <summary>
/// What the eligibility rules read of one application: the applicant's own statements and, for
/// education, whether the unit verified it. Built from a dossier read whole or in parts.
/// </summary>
public sealed record EligibilityFacts(
    TitleLevel Level,
    EvaluationType EvaluationType,
    CurrentTitleLevel? CurrentTitleLevel,
    DateOnly? CurrentTitleDate,
    bool HasQualificationCertificate,
    IReadOnlyList<HoursOfYear> ContinuingEducation,
    int WordCountSinceCurrentTitle,
    int PapersSinceCurrentTitle,
    StatedEducation? Education,
    bool EducationVerified)
{
    public bool IsFirstEvaluation => EvaluationType == EvaluationType.FirstEvaluation;

    public static EligibilityFacts Of(
        TitleApplication application,
        IReadOnlyCollection<DossierItem> items,
        IReadOnlyCollection<string> filledSlots,
        IReadOnlyCollection<string> verifiedKeys)
    {
        ArgumentNullException.ThrowIfNull(application);
        var since = application.CurrentTitleDate;
        return new EligibilityFacts(
            application.Level,
            application.EvaluationType,
            application.CurrentTitleLevel,
            since,
            filledSlots.Contains(AttachmentSlots.Qualification),
            items.OfType<ContinuingEducationYear>().Select(y => new HoursOfYear(y.Year, y.Hours, y.ProfessionalHours)).ToList(),
            DossierCheck.WordCountSince(items, since),
            items.OfType<Paper>().Count(p => since is null || p.Date >= since),
            application.Education,
            verifiedKeys.Contains(DossierItemKeys.Degree));
    }
}

/// <summary>
/// What a campaign asks of a level: the level's configured conditions, the campaign's year (the
/// continuing-education years are the ones before it) and the tenure cutoff (Dec 31 of that year).
/// </summary>
public sealed record EligibilityTerms(LevelRule Rule, int CampaignYear, DateOnly TenureCutoff)
{
    /// <summary>The complete years whose continuing education is checked, oldest first.</summary>
    public IReadOnlyList<int> EducationYears => Enumerable.Range(CampaignYear - Rule.EducationYears, Rule.EducationYears).ToList();
}

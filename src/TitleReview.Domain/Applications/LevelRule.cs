namespace TitleReview.Domain.Applications;

/// <summary>
/// What a campaign requires of one title level. The notice defers to 黔人社厅通〔2014〕750号,
/// which this project does not have: the defaults below are labelled as such and the office
/// sets the real numbers per campaign.
/// </summary>
/// <param name="ReviewFee">评审费 per applicant of this level, in yuan; null until the office sets it (the notice states no amount).</param>
/// <remarks>
/// Beside the counts: the professional share of each year's hours, whether a level may be
/// skipped (越级申报; never, unless the campaign allows it) and whether a first evaluation (首评,
/// no earlier qualification) may apply for this level (by default only the entry level).
/// </remarks>
public sealed record LevelRule(
    TitleLevel Level,
    int HoursPerYear,
    int EducationYears,
    int RequiredWordCount,
    int RequiredPapers,
    int MinYearsInCurrentTitle,
    decimal? ReviewFee = null)
{
    /// <summary>专业科目学时 at least this share of each year's hours (two thirds by default).</summary>
    public ProfessionalShare ProfessionalShare { get; init; } = ProfessionalShare.TwoThirds;

    /// <summary>Whether an applicant may apply for this level from two or more levels below.</summary>
    public bool SkippingAllowed { get; init; }

    /// <summary>Whether the first-evaluation path (首评) is open for this level.</summary>
    public bool FirstEvaluationOpen { get; init; }

    /// <summary>National rule (人社部令第25号): at least 90 hours of continuing education a year.</summary>
    public const int NationalHoursPerYear = 90;

    public static IReadOnlyList<LevelRule> Defaults { get; } =
    [
        new(TitleLevel.Assistant, NationalHoursPerYear, 1, 3000, 0, 1) { FirstEvaluationOpen = true },
        new(TitleLevel.Intermediate, NationalHoursPerYear, 1, 5000, 1, 4),
        new(TitleLevel.Senior, NationalHoursPerYear, 1, 8000, 2, 5),
    ];

    public static LevelRule DefaultFor(TitleLevel level) => Defaults.Single(r => r.Level == level);
}

using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

/// <summary>An applicant who meets every condition for 政工师 in 2023; each test changes one fact.</summary>
internal static class EligibilityExamples
{
    public static readonly DateOnly Cutoff = new(2023, 12, 31);

    public static EligibilityFacts Facts => new(
        TitleLevel.Intermediate,
        EvaluationType.Regular,
        CurrentTitleLevel.Assistant,
        new DateOnly(2018, 7, 1),
        HasQualificationCertificate: true,
        [new HoursOfYear(2022, 96, 66)],
        WordCountSinceCurrentTitle: 9300,
        PapersSinceCurrentTitle: 1,
        new StatedEducation(EducationDegree.Bachelor, "贵州师范大学", 2010),
        EducationVerified: true);

    public static LevelRule Rule => LevelRule.DefaultFor(TitleLevel.Intermediate);

    public static EligibilityTerms Terms(LevelRule? rule = null) => new(rule ?? Rule, 2023, Cutoff);
}

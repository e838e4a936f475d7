namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>
/// Every eligibility condition of one application, evaluated on its facts and its level's terms:
/// pure, with nothing read, so a list of hundreds is evaluated in memory.
/// </summary>
public static class EligibilityCheck
{
    /// <summary>The rules in the order people read them: who may apply, then what the dossier shows.</summary>
    public static IReadOnlyList<EligibilityRule> Rules(EligibilityFacts facts, EligibilityTerms terms) =>
    [
        new LevelLadderRule(facts, terms.Rule),
        new FirstEvaluationPathRule(facts),
        new TenureInCurrentTitleRule(facts, terms),
        new EducationVerifiedRule(facts),
        new ContinuingEducationHoursRule(facts, terms),
        new ProfessionalShareRule(facts, terms),
        new WorkMaterialWordCountRule(facts, terms.Rule),
        new PublishedPapersRule(facts, terms.Rule),
    ];

    public static IReadOnlyList<EligibilityResult> Evaluate(EligibilityFacts facts, EligibilityTerms terms) =>
        Rules(facts, terms).Select(r => r.Result()).ToList();
}

using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>继续教育学时: each checked year has its entry and at least the level's hours (exactly the hours pass).</summary>
public sealed class ContinuingEducationHoursRule(EligibilityFacts facts, EligibilityTerms terms) : EligibilityRule
{
    public override string Condition => "继续教育学时";

    public override DossierSection Section => DossierSection.ContinuingEducation;

    private int Required => terms.Rule.HoursPerYear;

    public override bool IsBroken() => terms.EducationYears.Any(year => Entry(year) is not { } entry || entry.Hours < Required);

    public override string Detail
    {
        get
        {
            if (terms.EducationYears.Count == 0)
            {
                return "本年度不核查继续教育学时";
            }

            var years = terms.EducationYears.Select(year => Entry(year) switch
            {
                null => $"缺少 {year} 年度的继续教育学时",
                { } e when e.Hours < Required => $"{year} 年度 {e.Hours} 学时（差 {Required - e.Hours} 学时）",
                { } e => $"{year} 年度 {e.Hours} 学时",
            });
            return $"{string.Join("；", years)}；要求每年不少于 {Required} 学时";
        }
    }

    private HoursOfYear? Entry(int year) => facts.ContinuingEducation.FirstOrDefault(y => y.Year == year);
}

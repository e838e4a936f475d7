using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>
/// 专业科目学时: in each checked year at least the level's share of that year's hours, compared
/// as whole numbers (<see cref="ProfessionalShare.IsMetBy"/>): 60 of 90 meet two thirds, 59 do not.
/// </summary>
public sealed class ProfessionalShareRule(EligibilityFacts facts, EligibilityTerms terms) : EligibilityRule
{
    public override string Condition => "专业科目学时占比";

    public override DossierSection Section => DossierSection.ContinuingEducation;

    private ProfessionalShare Share => terms.Rule.ProfessionalShare;

    public override bool IsBroken() => terms.EducationYears.Any(year => Entry(year) is not { } entry || !Share.IsMetBy(entry.ProfessionalHours, entry.Hours));

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
                null => $"{year} 年度未填写，无法核算",
                { } e when !Share.IsMetBy(e.ProfessionalHours, e.Hours) => $"{year} 年度专业科目 {e.ProfessionalHours} 学时，共 {e.Hours} 学时，至少应为 {Share.MinimumOf(e.Hours)} 学时",
                { } e => $"{year} 年度专业科目 {e.ProfessionalHours} 学时，共 {e.Hours} 学时",
            });
            return $"{string.Join("；", years)}；要求专业科目不少于当年学时的{Share}";
        }
    }

    private HoursOfYear? Entry(int year) => facts.ContinuingEducation.FirstOrDefault(y => y.Year == year);
}

using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>
/// 任现职年限: full years in the current title, counted to the campaign's tenure cutoff by
/// <see cref="DossierCheck.Tenure"/> (appointed 2018-12-31 has 5 years on 2023-12-31; appointed a
/// day later has 4 years 11 months). A first evaluation holds no title and is not counted.
/// </summary>
public sealed class TenureInCurrentTitleRule(EligibilityFacts facts, EligibilityTerms terms) : EligibilityRule
{
    public override string Condition => "任现职年限";

    public override DossierSection Section => DossierSection.PersonalInfo;

    public override bool IsBroken() =>
        !facts.IsFirstEvaluation && (facts.CurrentTitleDate is not { } from || DossierCheck.Tenure(from, terms.TenureCutoff).Years < terms.Rule.MinYearsInCurrentTitle);

    public override string Detail
    {
        get
        {
            var required = terms.Rule.MinYearsInCurrentTitle;
            if (facts.IsFirstEvaluation)
            {
                return "首评，不计任现职年限";
            }

            if (facts.CurrentTitleDate is not { } from)
            {
                return $"未填写任现职时间，要求任现职满 {required} 年";
            }

            var (years, months) = DossierCheck.Tenure(from, terms.TenureCutoff);
            return $"任现职 {years} 年 {months} 个月（{Day(from)}起，计算至{Day(terms.TenureCutoff)}），要求满 {required} 年";
        }
    }
}

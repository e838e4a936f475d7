using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>
/// 逐级申报: a regular application is for the level right above the current title's; a level
/// further up only where the campaign allows skipping for it. A first evaluation applies only
/// for a level the campaign opened to it (by default the entry level).
/// </summary>
public sealed class LevelLadderRule(EligibilityFacts facts, LevelRule rule) : EligibilityRule
{
    public override string Condition => "申报等级";

    public override DossierSection Section => DossierSection.PersonalInfo;

    private string Applied => TitleLevels.DisplayName(facts.Level);

    public override bool IsBroken()
    {
        if (facts.IsFirstEvaluation)
        {
            return !rule.FirstEvaluationOpen;
        }

        if (facts.CurrentTitleLevel is not { } current)
        {
            return true;
        }

        var step = Step(current);
        return step < 1 || (step > 1 && !rule.SkippingAllowed);
    }

    public override string Detail
    {
        get
        {
            if (facts.IsFirstEvaluation)
            {
                return rule.FirstEvaluationOpen
                    ? $"首评申报{Applied}，本年度该等级接受首评"
                    : $"首评申报{Applied}，本年度该等级不接受首评";
            }

            if (facts.CurrentTitleLevel is not { } current)
            {
                return $"未选择现任职务等级，无法核对能否申报{Applied}";
            }

            var held = $"现任职务等级“{CurrentTitleLevels.DisplayName(current)}”";
            var step = Step(current);
            return step switch
            {
                < 1 => $"{held}，不低于申报的{Applied}",
                1 => $"{held}，申报{Applied}，逐级申报",
                _ when rule.SkippingAllowed => $"{held}，申报{Applied}，越 {step - 1} 级申报，本年度该等级允许越级",
                _ => $"{held}，申报{Applied}，越 {step - 1} 级申报，本年度该等级不允许越级",
            };
        }
    }

    private int Step(CurrentTitleLevel current) => CurrentTitleLevels.Rung(facts.Level) - CurrentTitleLevels.Rung(current);
}

using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>工作材料字数: the work materials written since the current title reach the level's word count.</summary>
public sealed class WorkMaterialWordCountRule(EligibilityFacts facts, LevelRule rule) : EligibilityRule
{
    public override string Condition => "工作材料字数";

    public override DossierSection Section => DossierSection.Achievements;

    public override bool IsBroken() => facts.WordCountSinceCurrentTitle < rule.RequiredWordCount;

    public override string Detail
    {
        get
        {
            var words = facts.WordCountSinceCurrentTitle;
            var shortBy = rule.RequiredWordCount - words;
            return $"任现职以来的工作材料共 {words} 字，要求不少于 {rule.RequiredWordCount} 字" + (shortBy > 0 ? $"（差 {shortBy} 字）" : string.Empty);
        }
    }
}

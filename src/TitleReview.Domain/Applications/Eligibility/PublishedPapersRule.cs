using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>论文篇数: the papers published since the current title reach the level's count.</summary>
public sealed class PublishedPapersRule(EligibilityFacts facts, LevelRule rule) : EligibilityRule
{
    public override string Condition => "论文篇数";

    public override DossierSection Section => DossierSection.Publications;

    public override bool IsBroken() => facts.PapersSinceCurrentTitle < rule.RequiredPapers;

    public override string Detail => $"任现职以来公开发表的论文 {facts.PapersSinceCurrentTitle} 篇，要求不少于 {rule.RequiredPapers} 篇";
}

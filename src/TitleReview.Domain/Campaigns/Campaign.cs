using TitleReview.Domain.Common;

namespace TitleReview.Domain.Campaigns;

/// <summary>
/// 年度评审工作: one year's campaign and its timeline. Its stages are the ones the campaign
/// definition declared when the campaign was created; it keeps them when newer definitions
/// declare others.
/// </summary>
public sealed class Campaign : Entity
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxNameLength = 200;

    private readonly List<CampaignStage> _stages = [];
    private readonly List<CampaignLevelRule> _rules = [];
    private CommitteeTerms? _committeeTerms;

    private Campaign()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public string Name { get; private set; }

    /// <summary>任职年限终算时间: tenure is counted up to this day (Dec 31 of the year).</summary>
    public DateOnly TenureCutoff { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public IReadOnlyList<CampaignStage> Stages => _stages.OrderBy(s => s.Order).ToList();

    /// <summary>The office's details for units (address, contacts, bank account); null until the office publishes them.</summary>
    public OfficeDetails? OfficeDetails { get; private set; }

    /// <summary>The committee's terms (quorum, pass share, defense notice, results publicity); the national defaults until the office changes them.</summary>
    public CommitteeTerms CommitteeTerms => _committeeTerms ?? CommitteeTerms.Default;

    public IReadOnlyList<CampaignLevelRule> Rules => _rules.OrderBy(r => r.Level).ToList();

    public Applications.LevelRule RuleFor(Applications.TitleLevel level) =>
        _rules.SingleOrDefault(r => r.Level == level)?.ToRule() ?? Applications.LevelRule.DefaultFor(level);

    /// <summary>What this campaign asks of an application for the level (<see cref="Applications.Eligibility.EligibilityCheck"/>).</summary>
    public Applications.Eligibility.EligibilityTerms EligibilityTermsFor(Applications.TitleLevel level) => new(RuleFor(level), Year, TenureCutoff);

    public void SetRule(Applications.LevelRule rule)
    {
        CheckRule(new LevelRuleValuesInRangeRule(rule));
        CheckRule(new ProfessionalShareInRangeRule(rule.ProfessionalShare));
        CheckRule(new ReviewFeeInRangeRule(rule.ReviewFee));

        var existing = _rules.SingleOrDefault(r => r.Level == rule.Level);
        if (existing is null)
        {
            _rules.Add(CampaignLevelRule.From(rule));
        }
        else
        {
            existing.Update(rule);
        }

        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>Sets one level's 评审费 and keeps its other requirements (a timeline file or a copied year carries only the fees).</summary>
    public void SetReviewFee(Applications.TitleLevel level, decimal? fee) => SetRule(RuleFor(level) with { ReviewFee = fee });

    /// <summary>The fee per level, null where the office has not set it.</summary>
    public IReadOnlyDictionary<Applications.TitleLevel, decimal?> ReviewFees() =>
        Enum.GetValues<Applications.TitleLevel>().ToDictionary(level => level, level => RuleFor(level).ReviewFee);

    /// <summary>Replaces the committee's terms as a whole.</summary>
    public void SetCommitteeTerms(CommitteeTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        CheckRule(new ShareAtLeastHalfRule("到会人数比例", terms.QuorumNumerator, terms.QuorumDenominator));
        CheckRule(new ShareAtLeastHalfRule("通过票数比例", terms.PassNumerator, terms.PassDenominator));
        CheckRule(new DefenseNoticeInRangeRule(terms.DefenseNoticeDays));
        CheckRule(new ResultsPublicityInRangeRule(terms.ResultsPublicityWorkingDays));
        _committeeTerms = terms;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>Replaces the office's details as a whole and returns the ones they replace.</summary>
    public OfficeDetails? PublishOfficeDetails(OfficeDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var before = OfficeDetails;
        OfficeDetails = details;
        ConcurrencyToken = Guid.NewGuid();
        return before;
    }

    /// <summary>The stages this campaign was created with, in order, as its own timeline is checked against them.</summary>
    public StageCatalogue Catalogue => new(Stages.Select(s => new StageDefinition(s.Key, s.Name, s.Within)));

    public static Campaign Create(Guid id, int year, string name, DateOnly tenureCutoff, IReadOnlyList<StageWindow> stages, StageCatalogue catalogue, DateTimeOffset now)
    {
        CheckRule(new CampaignYearInRangeRule(year));
        CheckRule(new CampaignHasANameRule(name));
        CheckRule(new TenureCutoffInCampaignYearRule(year, tenureCutoff));
        CheckRule(new TimelineKeepsItsRulesRule(stages, catalogue));

        var campaign = new Campaign
        {
            Id = id,
            Year = year,
            Name = name.Trim(),
            TenureCutoff = tenureCutoff,
            CreatedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
        foreach (var rule in Applications.LevelRule.Defaults)
        {
            campaign._rules.Add(CampaignLevelRule.From(rule));
        }

        foreach (var window in stages.OrderBy(s => catalogue.OrderOf(s.Key)))
        {
            var order = catalogue.OrderOf(window.Key);
            campaign._stages.Add(new CampaignStage(window.Key, window.Name.Trim(), order, catalogue.Find(window.Key)!.Within, window.OpensAt, window.ClosesAt, window.Note));
        }

        return campaign;
    }

    public CampaignStage Stage(string key)
    {
        var stage = _stages.SingleOrDefault(s => s.Key == key);
        CheckRule(new CampaignHasTheStageRule(stage, key));
        return stage!;
    }

    /// <summary>Every stage whose window is open at the instant, in order: several may be (filing and unit publicity from Aug 1).</summary>
    public IReadOnlyList<CampaignStage> StagesOpenAt(DateTimeOffset instant) =>
        Stages.Where(s => s.IsOpenAt(instant)).ToList();

    /// <summary>The stage that opens next after the instant, if any.</summary>
    public CampaignStage? NextStageAfter(DateTimeOffset instant) =>
        Stages.Where(s => s.OpensAt > instant).OrderBy(s => s.OpensAt).ThenBy(s => s.Order).FirstOrDefault();

    public IReadOnlyList<StageWindow> Windows() =>
        Stages.Select(s => new StageWindow(s.Key, s.Name, s.OpensAt, s.ClosesAt, s.Note)).ToList();

    /// <summary>
    /// Moves one stage's window. The whole timeline is checked with the new window in place;
    /// if any rule breaks, nothing changes.
    /// </summary>
    public StageWindow MoveWindow(string key, DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        var stage = Stage(key);
        var before = new StageWindow(stage.Key, stage.Name, stage.OpensAt, stage.ClosesAt, stage.Note);
        var proposed = Windows().Select(w => w.Key == key ? w with { OpensAt = opensAt, ClosesAt = closesAt } : w).ToList();
        CheckRule(new TimelineKeepsItsRulesRule(proposed, Catalogue));

        stage.Move(opensAt, closesAt);
        ConcurrencyToken = Guid.NewGuid();
        return before;
    }

    /// <summary>The same timeline moved by whole years (Feb 29 becomes Feb 28), for next year's campaign.</summary>
    public IReadOnlyList<StageWindow> WindowsShiftedBy(int years) =>
        Windows().Select(w => w with { OpensAt = w.OpensAt.AddYears(years), ClosesAt = w.ClosesAt.AddYears(years) }).ToList();
}

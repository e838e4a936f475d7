using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Statistics;

/// <summary>统计分析: one campaign's applicants by level, region and unit nature, its funnel and pass rates, and every year side by side.</summary>
public sealed record GetStatistics(int? Year, WorkflowActor Actor);

/// <param name="Year">The chosen year (the latest campaign's when none or an unknown one is asked); 0 when there is no campaign.</param>
/// <param name="Funnel">From registration to certificate, each stage with how many reached it and how many of the stage before did not.</param>
/// <param name="YearOverYear">Every campaign, oldest first.</param>
public sealed record StatisticsView(
    int Year,
    IReadOnlyList<int> Years,
    int Applied,
    IReadOnlyList<NamedCount> ByLevel,
    IReadOnlyList<NamedCount> ByRegion,
    IReadOnlyList<NamedCount> ByNature,
    IReadOnlyList<FunnelStage> Funnel,
    IReadOnlyList<LevelPassRate> PassRates,
    IReadOnlyList<YearTotals> YearOverYear);

public sealed record NamedCount(string Name, int Count);

/// <param name="Dropped">How many reached the stage before and not this one; null for the first stage.</param>
public sealed record FunnelStage(string Key, string Name, int Count, int? Dropped);

/// <param name="Applied">Applications started at the level.</param>
/// <param name="Referred">Sent to the committee (on the published committee list).</param>
/// <param name="Passed">Passed by the committee.</param>
public sealed record LevelPassRate(TitleLevel Level, string LevelName, int Applied, int Referred, int Passed)
{
    /// <summary>Passed of those sent to the committee, in percent; null when nobody was sent.</summary>
    public decimal? RateOfReferred => StatisticsRates.Percent(Passed, Referred);

    /// <summary>Passed of those who applied, in percent; null when nobody applied.</summary>
    public decimal? RateOfApplied => StatisticsRates.Percent(Passed, Applied);
}

public sealed record YearTotals(int Year, int Applied, int Submitted, int Referred, int Passed, int Certified)
{
    public decimal? RateOfReferred => StatisticsRates.Percent(Passed, Referred);

    public decimal? RateOfApplied => StatisticsRates.Percent(Passed, Applied);
}

public static class StatisticsRates
{
    /// <summary>A share in percent with one decimal, rounded half away from zero; null for an empty base.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    public static string Format(decimal? percent) =>
        percent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>The funnel's stages, each defined by what the case went through (ADR 55), never by a state's name.</summary>
public static class FunnelStages
{
    /// <summary>Started an application in the campaign.</summary>
    public const string Registered = "registered";

    /// <summary>Ever entered a state meaning <see cref="StateCapabilities.SubmittedToOffice"/>.</summary>
    public const string Submitted = "submitted";

    /// <summary>Ever entered a state meaning <see cref="StateCapabilities.PaperCheckedIn"/>.</summary>
    public const string Received = "received";

    /// <summary>Ever entered a state meaning both <see cref="StateCapabilities.PreliminaryPassed"/> and <see cref="StateCapabilities.PreliminaryPublished"/>: a pass counts once published.</summary>
    public const string PreliminaryPassed = "preliminaryPassed";

    /// <summary>Ever entered a state meaning <see cref="StateCapabilities.CommitteePassed"/>.</summary>
    public const string CommitteePassed = "committeePassed";

    /// <summary>A certificate was issued for the application (revoked or not).</summary>
    public const string Certified = "certified";

    public static readonly IReadOnlyList<(string Key, string Name)> All =
    [
        (Registered, "申报"),
        (Submitted, "单位报送"),
        (Received, "省职评办接收纸质材料"),
        (PreliminaryPassed, "初审通过"),
        (CommitteePassed, "评审通过"),
        (Certified, "发放证书"),
    ];
}

/// <remarks>
/// Every count is a GROUP BY in the database: applications per campaign and level, then one query per
/// stage counting the applications whose journal ever entered a state with the stage's capabilities
/// (an EXISTS on the journal, so a case vetoed or failed later still counts as having reached it),
/// certificates per campaign and level, and the chosen year's applications per unit with the units'
/// cards from the Units module (ADR 22). Ten SQL commands whatever the number of applications.
/// </remarks>
internal sealed class GetStatisticsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units)
    : IHandler<GetStatistics, StatisticsView>
{
    private static readonly TitleLevel[] Levels = [TitleLevel.Assistant, TitleLevel.Intermediate, TitleLevel.Senior];

    public async Task<StatisticsView> HandleAsync(GetStatistics request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var allCampaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Year).Select(c => new { c.Id, c.Year }).ToListAsync(cancellationToken);
        var years = allCampaigns.Select(c => c.Year).OrderByDescending(y => y).ToList();
        var year = request.Year is { } asked && years.Contains(asked) ? asked : years.FirstOrDefault();
        var chosen = allCampaigns.FirstOrDefault(c => c.Year == year)?.Id;

        var applied = await Grouped(db.TitleApplications.AsNoTracking(), cancellationToken);
        var submitted = await Grouped(Reached(StateCapabilities.SubmittedToOffice), cancellationToken);
        var received = await Grouped(Reached(StateCapabilities.PaperCheckedIn), cancellationToken);
        var preliminary = await Grouped(Reached(StateCapabilities.PreliminaryPassed, StateCapabilities.PreliminaryPublished), cancellationToken);
        var referred = await Grouped(Reached(StateCapabilities.ReferredToCommittee), cancellationToken);
        var passed = await Grouped(Reached(StateCapabilities.CommitteePassed), cancellationToken);
        var certified = (await db.Certificates.AsNoTracking()
                .GroupBy(c => new { c.CampaignId, c.Level })
                .Select(g => new { g.Key.CampaignId, g.Key.Level, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(g => (g.CampaignId, g.Level), g => g.Count);

        int Of(Dictionary<(Guid, TitleLevel), int> counts, Guid? campaignId, TitleLevel? level = null) =>
            campaignId is not { } id ? 0 : counts.Where(c => c.Key.Item1 == id && (level is null || c.Key.Item2 == level)).Sum(c => c.Value);

        var funnelCounts = new[] { applied, submitted, received, preliminary, passed, certified }.Select(c => Of(c, chosen)).ToArray();
        var funnel = FunnelStages.All
            .Select((stage, i) => new FunnelStage(stage.Key, stage.Name, funnelCounts[i], i == 0 ? null : Math.Max(0, funnelCounts[i - 1] - funnelCounts[i])))
            .ToList();
        var byLevel = Levels.Select(l => new NamedCount(TitleLevels.DisplayName(l), Of(applied, chosen, l))).ToList();
        var passRates = Levels.Select(l => new LevelPassRate(l, TitleLevels.DisplayName(l), Of(applied, chosen, l), Of(referred, chosen, l), Of(passed, chosen, l))).ToList();
        var yearOverYear = allCampaigns
            .Select(c => new YearTotals(c.Year, Of(applied, c.Id), Of(submitted, c.Id), Of(referred, c.Id), Of(passed, c.Id), Of(certified, c.Id)))
            .ToList();

        IReadOnlyList<NamedCount> byRegion = [];
        IReadOnlyList<NamedCount> byNature = [];
        if (chosen is { } campaignId)
        {
            (byRegion, byNature) = await ByUnitAsync(campaignId, cancellationToken);
        }

        return new StatisticsView(year, years, funnelCounts[0], byLevel, byRegion, byNature, funnel, passRates, yearOverYear);
    }

    /// <summary>The applications whose journal ever entered a state declaring every one of the capabilities.</summary>
    private IQueryable<TitleApplication> Reached(params string[] capabilities)
    {
        var states = capabilities
            .Select(c => definitions.StatesWith(ApplicationWorkflow.DefinitionId, c))
            .Aggregate((a, b) => [.. a.Intersect(b, StringComparer.Ordinal)]);
        return db.TitleApplications.AsNoTracking().Where(a => db.WorkflowInstances.Any(i =>
            i.SubjectId == a.Id
            && i.SubjectType == ApplicationWorkflow.SubjectType
            && db.WorkflowJournal.Any(j => j.InstanceId == i.Id && states.Contains(j.ToState))));
    }

    private static async Task<Dictionary<(Guid, TitleLevel), int>> Grouped(IQueryable<TitleApplication> applications, CancellationToken cancellationToken) =>
        (await applications
            .GroupBy(a => new { a.CampaignId, a.Level })
            .Select(g => new { g.Key.CampaignId, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => (g.CampaignId, g.Level), g => g.Count);

    /// <summary>The campaign's applications per region and per unit nature: counted per unit in the database, the units' cards asked once.</summary>
    private async Task<(IReadOnlyList<NamedCount> ByRegion, IReadOnlyList<NamedCount> ByNature)> ByUnitAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var perUnit = await db.TitleApplications.AsNoTracking()
            .Where(a => a.CampaignId == campaignId)
            .GroupBy(a => a.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync([.. perUnit.Select(u => u.UnitId)], cancellationToken);
        var byRegion = perUnit
            .GroupBy(u => cards.GetValueOrDefault(u.UnitId)?.Region ?? "未知")
            .Select(g => new NamedCount(g.Key, g.Sum(u => u.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var natures = Enum.GetValues<UnitNature>();
        var byNature = natures
            .Select(n => new NamedCount(UnitNatures.DisplayName(n), perUnit.Where(u => cards.GetValueOrDefault(u.UnitId)?.Nature == n).Sum(u => u.Count)))
            .ToList();
        return (byRegion, byNature);
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.SpotChecks;

/// <summary>A candidate as published: number, masked name, unit, level and, after the draw, whether and how chosen.</summary>
public sealed record PublishedCandidate(string Number, string MaskedName, string UnitNumber, string UnitName, TitleLevel Level, SpotCheckChoice Choice)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public bool Chosen => Choice != SpotCheckChoice.NotChosen;
}

/// <summary>A unit of the candidate list, with how many of its candidates the draw chose.</summary>
public sealed record PublishedUnit(string Number, string Name, int Candidates, bool Chosen, int PersonsChosen);

public sealed record SpotCheckJournalRow(DateTimeOffset At, string ActorName, SpotCheckStepKind Kind, string Text)
{
    public string KindName => Kind switch
    {
        SpotCheckStepKind.Defined => "设定规则",
        SpotCheckStepKind.Changed => "修改规则",
        SpotCheckStepKind.Committed => "公布承诺",
        _ => "抽取",
    };
}

/// <summary>
/// A draw as it may be shown. <see cref="Seed"/> and <see cref="PublicValue"/> are null until the
/// draw: this record is the only shape pages receive, so a page cannot show the seed early.
/// </summary>
public sealed record SpotCheckDrawView(
    Guid Id,
    int Year,
    SpotCheckDrawStatus Status,
    SpotCheckRules Rules,
    string? Commitment,
    DateTimeOffset? DrawAt,
    string? PublicValueSource,
    string? CandidatesDigest,
    DateTimeOffset? CommittedAt,
    string? PublicValue,
    string? Seed,
    DateTimeOffset? DrawnAt,
    IReadOnlyList<PublishedUnit> Units,
    IReadOnlyList<PublishedCandidate> Candidates)
{
    public bool Drawn => Status == SpotCheckDrawStatus.Drawn;

    public IReadOnlyList<PublishedUnit> ChosenUnits => [.. Units.Where(u => u.Chosen)];

    public IReadOnlyList<PublishedCandidate> ChosenCandidates => [.. Candidates.Where(c => c.Chosen)];

    internal static SpotCheckDrawView Of(SpotCheckDraw draw, int year)
    {
        var candidates = draw.Candidates
            .Select(c => new PublishedCandidate(c.Number, c.MaskedName, c.UnitNumber, c.UnitName, c.Level, draw.SeedIsPublic ? c.Choice : SpotCheckChoice.NotChosen))
            .ToList();
        var units = draw.Units
            .Select(u => new PublishedUnit(
                u.Number,
                u.Name,
                candidates.Count(c => c.UnitNumber == u.Number),
                candidates.Any(c => c.UnitNumber == u.Number && c.Choice == SpotCheckChoice.InChosenUnit),
                candidates.Count(c => c.UnitNumber == u.Number && c.Chosen)))
            .ToList();
        return new SpotCheckDrawView(
            draw.Id,
            year,
            draw.Status,
            draw.Rules,
            draw.Commitment,
            draw.DrawAt,
            draw.PublicValueSource,
            draw.CandidatesDigest,
            draw.CommittedAt,
            draw.SeedIsPublic ? draw.PublicValue : null,
            draw.SeedIsPublic ? draw.Seed : null,
            draw.DrawnAt,
            units,
            candidates);
    }
}

/// <summary>The office's page (抽查复核): the form for the year's draw, its commitment, the draw, the result and the journal.</summary>
public sealed record GetOfficeSpotCheck(int? Year, WorkflowActor Actor);

/// <param name="LiveCandidates">Before the commitment: how many cases may be spot-checked now (the list freezes at the commitment).</param>
/// <param name="RefusedBecause">Why the next step cannot be taken now; null when it can.</param>
public sealed record OfficeSpotCheckView(
    int Year,
    IReadOnlyList<int> Years,
    DateTimeOffset WindowOpensAt,
    DateTimeOffset WindowLastSecond,
    SpotCheckDrawView? Draw,
    int LiveCandidates,
    int LiveUnits,
    string? RefusedBecause,
    IReadOnlyList<SpotCheckJournalRow> Journal)
{
    public bool MayDefine => RefusedBecause is null && Draw is null or { Status: SpotCheckDrawStatus.Defined };

    public bool MayCommit => RefusedBecause is null && Draw is { Status: SpotCheckDrawStatus.Defined };

    public bool MayDraw => RefusedBecause is null && Draw is { Status: SpotCheckDrawStatus.Committed };
}

/// <summary>The public page of a draw (抽查复核公示), with the verification of <paramref name="Seed"/> and <paramref name="PublicValue"/> when given.</summary>
public sealed record GetPublicSpotCheck(Guid Id, string? Seed = null, string? PublicValue = null);

/// <summary>What recomputing with the given seed and public value found; <see cref="Failures"/> names each check that failed.</summary>
public sealed record SpotCheckVerification(
    string Seed,
    string PublicValue,
    bool SeedMatchesCommitment,
    bool PublicValueMatches,
    bool CandidatesMatchDigest,
    bool SelectionMatches,
    IReadOnlyList<string> RecomputedUnits,
    IReadOnlyList<string> RecomputedPersons)
{
    public bool Matches => SeedMatchesCommitment && PublicValueMatches && CandidatesMatchDigest && SelectionMatches;

    public IReadOnlyList<string> Failures =>
    [
        .. SeedMatchesCommitment ? Array.Empty<string>() : ["种子的 SHA-256 与公布的承诺值不一致"],
        .. PublicValueMatches ? Array.Empty<string>() : ["公开数值与公布的公开数值不一致"],
        .. CandidatesMatchDigest ? Array.Empty<string>() : ["候选名单的摘要与公布的摘要不一致"],
        .. SelectionMatches ? Array.Empty<string>() : ["重新计算的抽取结果与公布的结果不一致"],
    ];
}

public sealed record PublicSpotCheckView(SpotCheckDrawView Draw, SpotCheckVerification? Verification);

/// <summary>The public list of the draws whose commitment is published, newest first (linked from the site footer).</summary>
public sealed record ListPublicSpotChecks;

public sealed record PublicSpotCheckEntry(Guid Id, int Year, SpotCheckDrawStatus Status, DateTimeOffset DrawAt);

/// <summary>Everything needed to recompute a draw, as <c>/SpotCheck/{id}/inputs.json</c> publishes it after the draw.</summary>
public sealed record GetSpotCheckInputs(Guid Id);

public sealed record SpotCheckInputs(
    string Algorithm,
    int Year,
    string Commitment,
    string Seed,
    string PublicValueSource,
    string PublicValue,
    DateTimeOffset DrawAt,
    DateTimeOffset DrawnAt,
    string CandidatesDigest,
    SpotCheckInputRules Rules,
    IReadOnlyList<SpotCheckInputUnit> Units,
    IReadOnlyList<SpotCheckInputCandidate> Candidates,
    SpotCheckInputSelection Selection);

/// <param name="UnitsMode">"none", "count" or "percent"; so is <paramref name="AcrossMode"/>.</param>
/// <param name="PersonsPerUnit">Null: all persons of a chosen unit.</param>
public sealed record SpotCheckInputRules(string UnitsMode, int UnitsValue, int? PersonsPerUnit, string AcrossMode, int AcrossValue, bool AcrossPerLevel, DateOnly OriginalsDueOn);

public sealed record SpotCheckInputUnit(string Number, string Name);

/// <param name="Level">The level key the algorithm uses: assistant, intermediate or senior.</param>
public sealed record SpotCheckInputCandidate(string Number, string MaskedName, string UnitNumber, string Level);

public sealed record SpotCheckInputSelection(IReadOnlyList<string> Units, IReadOnlyList<string> PersonsInUnits, IReadOnlyList<string> PersonsAcross);

internal sealed class GetOfficeSpotCheckHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Campaigns.ICurrentCampaign current, TimeProvider clock)
    : IHandler<GetOfficeSpotCheck, OfficeSpotCheckView>
{
    public async Task<OfficeSpotCheckView> HandleAsync(GetOfficeSpotCheck request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var years = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(cancellationToken);
        var year = request.Year
            ?? (await current.ForStageAsync(StageKeys.SpotCheck, cancellationToken))?.Year
            ?? (years.Count > 0 ? years[0] : BeijingTime.DateOf(now).Year);
        var campaign = await SpotCheckAccess.CampaignAsync(db, year, cancellationToken);
        var window = SpotCheckAccess.WindowOf(campaign);
        var draw = await db.SpotCheckDraws.AsNoTracking().Include(d => d.Candidates).Include(d => d.Steps)
            .FirstOrDefaultAsync(d => d.CampaignId == campaign.Id, cancellationToken);

        var live = draw is null or { Status: SpotCheckDrawStatus.Defined }
            ? await SpotCheckAccess.CandidatesAsync(db, definitions, units, campaign.Id, cancellationToken)
            : [];
        IBusinessRule? broken = draw?.Status switch
        {
            SpotCheckDrawStatus.Drawn => new OneSpotCheckDrawPerCampaignRule(draw.Status, draw.DrawnAt),
            SpotCheckDrawStatus.Committed when now < draw.DrawAt => new SpotCheckDrawNotBeforeScheduleRule(draw.DrawAt!.Value, now),
            _ => new SpotCheckWindowNotClosedRule(window.ClosesAt, now),
        };
        return new OfficeSpotCheckView(
            year,
            years,
            window.OpensAt,
            window.ClosesAt.AddSeconds(-1),
            draw is null ? null : SpotCheckDrawView.Of(draw, year),
            draw is { Status: not SpotCheckDrawStatus.Defined } ? draw.Candidates.Count : live.Count,
            draw is { Status: not SpotCheckDrawStatus.Defined } ? draw.Units.Count : live.Select(c => c.UnitNumber).Distinct().Count(),
            broken.IsBroken() ? broken.Message : null,
            draw?.Steps.Select(s => new SpotCheckJournalRow(s.At, s.ActorName, s.Kind, s.Text)).ToList() ?? []);
    }
}

internal sealed class GetPublicSpotCheckHandler(IApplicationDbContext db) : IHandler<GetPublicSpotCheck, PublicSpotCheckView>
{
    public async Task<PublicSpotCheckView> HandleAsync(GetPublicSpotCheck request, CancellationToken cancellationToken = default)
    {
        var (draw, year) = await PublicDraw.LoadAsync(db, request.Id, cancellationToken);
        var view = SpotCheckDrawView.Of(draw, year);
        var verification = draw.SeedIsPublic && (request.Seed is not null || request.PublicValue is not null)
            ? Verify(draw, request.Seed?.Trim() ?? string.Empty, request.PublicValue ?? string.Empty)
            : null;
        return new PublicSpotCheckView(view, verification);
    }

    /// <summary>Recomputes with the production algorithm from what the page publishes, never from what only the database knows.</summary>
    private static SpotCheckVerification Verify(SpotCheckDraw draw, string seed, string publicValue)
    {
        var units = draw.Units;
        var candidates = draw.DrawCandidates;
        var published = draw.Selection();
        var value = SpotCheckAlgorithm.NormalizePublicValue(publicValue);
        var recomputed = SpotCheckAlgorithm.Select(seed, value, draw.Rules, units, candidates);
        var publishedPersons = draw.Candidates.Where(c => c.Chosen).Select(c => c.Number).Order(StringComparer.Ordinal);
        var selectionMatches = recomputed.Units.Order(StringComparer.Ordinal).SequenceEqual(published.Units.Order(StringComparer.Ordinal))
            && recomputed.Persons.Order(StringComparer.Ordinal).SequenceEqual(publishedPersons);
        return new SpotCheckVerification(
            seed,
            value,
            SpotCheckAlgorithm.Commitment(seed) == draw.Commitment,
            value == draw.PublicValue,
            SpotCheckAlgorithm.CandidatesDigest(units, candidates) == draw.CandidatesDigest,
            selectionMatches,
            recomputed.Units,
            recomputed.Persons);
    }
}

internal sealed class ListPublicSpotChecksHandler(IApplicationDbContext db) : IHandler<ListPublicSpotChecks, IReadOnlyList<PublicSpotCheckEntry>>
{
    public async Task<IReadOnlyList<PublicSpotCheckEntry>> HandleAsync(ListPublicSpotChecks request, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from draw in db.SpotCheckDraws.AsNoTracking()
                join campaign in db.Campaigns.AsNoTracking() on draw.CampaignId equals campaign.Id
                where draw.Status != SpotCheckDrawStatus.Defined
                orderby campaign.Year descending
                select new { draw.Id, campaign.Year, draw.Status, draw.DrawAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PublicSpotCheckEntry(r.Id, r.Year, r.Status, r.DrawAt!.Value)).ToList();
    }
}

internal sealed class GetSpotCheckInputsHandler(IApplicationDbContext db) : IHandler<GetSpotCheckInputs, SpotCheckInputs>
{
    public const string AlgorithmName = "TitleReview spot check draw v1 (docs/spot-check-draw.md)";

    public async Task<SpotCheckInputs> HandleAsync(GetSpotCheckInputs request, CancellationToken cancellationToken = default)
    {
        var (draw, year) = await PublicDraw.LoadAsync(db, request.Id, cancellationToken);
        if (!draw.SeedIsPublic)
        {
            throw new NotFoundException("抽取输入（抽取后公布）");
        }

        static string Mode(DrawMode mode) => mode.ToString().ToLowerInvariant();
        var rules = draw.Rules;
        var selection = draw.Selection();
        return new SpotCheckInputs(
            AlgorithmName,
            year,
            draw.Commitment!,
            draw.Seed!,
            draw.PublicValueSource!,
            draw.PublicValue!,
            draw.DrawAt!.Value,
            draw.DrawnAt!.Value,
            draw.CandidatesDigest!,
            new SpotCheckInputRules(Mode(rules.Units.Mode), rules.Units.Value, rules.PersonsPerUnit, Mode(rules.Across.Mode), rules.Across.Value, rules.AcrossPerLevel, rules.OriginalsDueOn),
            [.. draw.Units.Select(u => new SpotCheckInputUnit(u.Number, u.Name))],
            [.. draw.DrawCandidates.Select(c => new SpotCheckInputCandidate(c.Number, c.MaskedName, c.UnitNumber, c.LevelKey))],
            new SpotCheckInputSelection(selection.Units, selection.PersonsInUnits, selection.PersonsAcross));
    }
}

internal static class PublicDraw
{
    /// <summary>A draw the public may see: committed or drawn. Before the commitment it answers as one that does not exist.</summary>
    public static async Task<(SpotCheckDraw Draw, int Year)> LoadAsync(IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var found = await (
                from draw in db.SpotCheckDraws.AsNoTracking().Include(d => d.Candidates)
                join campaign in db.Campaigns.AsNoTracking() on draw.CampaignId equals campaign.Id
                where draw.Id == id && draw.Status != SpotCheckDrawStatus.Defined
                select new { Draw = draw, campaign.Year })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? throw new NotFoundException("该抽查复核") : (found.Draw, found.Year);
    }
}

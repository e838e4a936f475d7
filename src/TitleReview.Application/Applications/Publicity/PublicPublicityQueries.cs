using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Publicity;

/// <summary>The public list: the publicities running now, for anyone.</summary>
public sealed record GetRunningPublicities;

public sealed record RunningPublicity(Guid Id, int Year, string Title, string PeriodText);

/// <summary>One publicity as the public reads it, while it runs.</summary>
public sealed record GetPublicPublicity(Guid Id);

public enum PublicityStatus
{
    NotStarted,
    Running,
    Ended,
}

/// <summary>One line of a publicity: only what the notice publishes (name, unit, level, result).</summary>
public sealed record PublicityLine(int Number, string Name, string UnitName, TitleLevel Level, bool Passed)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public string Result => Passed ? "通过" : "未通过";
}

/// <param name="Lines">Empty unless the publicity is running: an ended one shows nothing of its people.</param>
/// <param name="Kind">What it publishes: the committee list has no result column.</param>
public sealed record PublicPublicityView(Guid Id, string Title, string PeriodText, PublicityStatus Status, IReadOnlyList<PublicityLine> Lines, PublicPublicityKind Kind = PublicPublicityKind.PreliminaryResults)
{
    public SpreadsheetSpec<PublicityLine> Columns => PublicityColumns.Of(Kind);
}

/// <summary>
/// The columns each kind of publicity publishes, with their Chinese headers: the public page, the
/// Excel file and the HTML fragment for the 文明网 column show the same.
/// </summary>
public static class PublicityColumns
{
    public static readonly SpreadsheetSpec<PublicityLine> PreliminaryResults = new("初审结果公示",
    [
        new("序号", l => l.Number, CellFormat.Integer, Width: 8),
        new("姓名", l => l.Name, Width: 12),
        new("工作单位", l => l.UnitName, Width: 36),
        new("申报等级", l => l.LevelName, Width: 14),
        new("初审结果", l => l.Result, Width: 10),
    ]);

    /// <summary>Name, unit and level only: being on the list is the result.</summary>
    public static readonly SpreadsheetSpec<PublicityLine> CommitteeList = new("送评人员名单",
    [
        new("序号", l => l.Number, CellFormat.Integer, Width: 8),
        new("姓名", l => l.Name, Width: 12),
        new("工作单位", l => l.UnitName, Width: 36),
        new("申报等级", l => l.LevelName, Width: 14),
    ]);

    /// <summary>The committee's results: name, unit, level and whether the committee passed them.</summary>
    public static readonly SpreadsheetSpec<PublicityLine> CommitteeResults = new("评审结果公示",
    [
        new("序号", l => l.Number, CellFormat.Integer, Width: 8),
        new("姓名", l => l.Name, Width: 12),
        new("工作单位", l => l.UnitName, Width: 36),
        new("申报等级", l => l.LevelName, Width: 14),
        new("评审结果", l => l.Result, Width: 10),
    ]);

    public static SpreadsheetSpec<PublicityLine> Of(PublicPublicityKind kind) => kind switch
    {
        PublicPublicityKind.CommitteeList => CommitteeList,
        PublicPublicityKind.CommitteeResults => CommitteeResults,
        _ => PreliminaryResults,
    };
}

/// <summary>The office's publicities page (公示管理): the form for the year's, the one chosen, the archive.</summary>
public sealed record GetOfficePublicities(int? Year, Guid? PublicityId, WorkflowActor Actor);

/// <param name="RefusedBecause">Why publishing would be refused now; null when it may be published.</param>
public sealed record PublishForm(
    string DefaultTitle,
    DateOnly? DefaultFirstDay,
    int DefaultWorkingDays,
    IReadOnlyList<UndecidedAtUnit> Undecided,
    int DecidedPassed,
    int DecidedFailed,
    string? RefusedBecause)
{
    public int UndecidedCount => Undecided.Sum(u => u.Count);
}

public sealed record ArchivedPublicity(Guid Id, int Year, string Title, string PeriodText, PublicityStatus Status, int Passed, int Failed, DateTimeOffset PublishedAt, string PublishedByName);

/// <param name="Chosen">The publicity shown with its lines: the one asked for, else the year's.</param>
public sealed record OfficePublicitiesView(
    int Year,
    IReadOnlyList<int> Years,
    PublishForm Form,
    ArchivedPublicity? Chosen,
    IReadOnlyList<PublicityLine> Lines,
    IReadOnlyList<ArchivedPublicity> Archive);

/// <summary>For the office: a publicity's lines as an Excel sheet, for posting on the 文明网 column.</summary>
public sealed record ExportPublicity(Guid Id, WorkflowActor Actor);

/// <summary>
/// For the other parts of the Applications module (supplements, the units' feedback): the
/// campaign's preliminary publicity, null before it is published. Ask the entity
/// <see cref="PublicPublicity.IsRunningAt"/> / <see cref="PublicPublicity.HasEndedAt"/>.
/// </summary>
public sealed record FindPreliminaryPublicity(Guid CampaignId);

/// <summary>
/// The cases of a campaign as the preliminary review sees them, read by what their states mean.
/// A publicity lists every case that was published (a journal row into a published state), and
/// its result live: the latest state the case entered that means passed or failed, so a pass on
/// supplements shows as 通过.
/// </summary>
internal sealed record PreliminaryCase(Guid InstanceId, Guid ApplicationId, string ApplicantUserId, string ApplicantName, Guid UnitId, TitleLevel Level, bool Undecided, bool Decided, bool Passed);

internal static class PreliminaryCases
{
    public static IQueryable<PreliminaryCase> OfCampaign(IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId)
    {
        var undecided = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PaperCheckedIn);
        var decided = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryDecided);
        var passed = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryPassed);
        string[] either = [.. undecided, .. decided];
        return
            from instance in db.WorkflowInstances.AsNoTracking()
            join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
            where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId && either.Contains(instance.State)
            select new PreliminaryCase(
                instance.Id,
                application.Id,
                application.ApplicantUserId,
                application.ApplicantName,
                application.UnitId,
                application.Level,
                undecided.Contains(instance.State),
                decided.Contains(instance.State),
                passed.Contains(instance.State));
    }

    /// <summary>The lines of a campaign's preliminary publicity as they stand, ordered by level (highest first), unit and name.</summary>
    public static async Task<IReadOnlyList<PublicityLine>> LinesAsync(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Guid campaignId, CancellationToken cancellationToken)
    {
        var published = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryPublished);
        var passed = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryPassed);
        string[] results = [.. passed, .. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryFailed)];
        var rows = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId
                      && db.WorkflowJournal.Any(j => j.InstanceId == instance.Id && published.Contains(j.ToState))
                select new
                {
                    application.ApplicantName,
                    application.UnitId,
                    application.Level,
                    Result = db.WorkflowJournal
                        .Where(j => j.InstanceId == instance.Id && results.Contains(j.ToState))
                        .OrderByDescending(j => j.Id)
                        .Select(j => j.ToState)
                        .FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync([.. rows.Select(r => r.UnitId).Distinct()], cancellationToken);
        return rows
            .Select(r => (r.ApplicantName, Unit: cards.GetValueOrDefault(r.UnitId)?.Name ?? string.Empty, r.Level, Passed: r.Result is { } state && passed.Contains(state)))
            .OrderByDescending(r => r.Level)
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ThenBy(r => r.ApplicantName, StringComparer.Ordinal)
            .Select((r, i) => new PublicityLine(i + 1, r.ApplicantName, r.Unit, r.Level, r.Passed))
            .ToList();
    }

    /// <summary>A publicity's lines, whichever kind it is.</summary>
    public static Task<IReadOnlyList<PublicityLine>> LinesOfAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Committee.ICommitteeResults results, PublicPublicity publicity, CancellationToken cancellationToken) =>
        publicity.Kind switch
        {
            PublicPublicityKind.CommitteeList => Committee.CommitteeCases.PublishedLinesAsync(db, definitions, units, publicity.CampaignId, cancellationToken),
            PublicPublicityKind.CommitteeResults => Committee.Results.CommitteeResultLines.PublicAsync(db, definitions, results, units, publicity.CampaignId, cancellationToken),
            _ => LinesAsync(db, definitions, units, publicity.CampaignId, cancellationToken),
        };

    public static PublicityStatus StatusAt(PublicPublicity publicity, DateTimeOffset now) =>
        publicity.HasEndedAt(now) ? PublicityStatus.Ended
        : publicity.IsRunningAt(now) ? PublicityStatus.Running
        : PublicityStatus.NotStarted;
}

internal sealed class GetRunningPublicitiesHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<GetRunningPublicities, IReadOnlyList<RunningPublicity>>
{
    public async Task<IReadOnlyList<RunningPublicity>> HandleAsync(GetRunningPublicities request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var found = await (
                from publicity in db.PublicPublicities.AsNoTracking()
                join campaign in db.Campaigns.AsNoTracking() on publicity.CampaignId equals campaign.Id
                where publicity.FirstDay <= today && publicity.LastDay >= today
                orderby publicity.FirstDay descending
                select new { Publicity = publicity, campaign.Year })
            .ToListAsync(cancellationToken);
        return found
            .Where(f => f.Publicity.IsRunningAt(now))
            .Select(f => new RunningPublicity(f.Publicity.Id, f.Year, f.Publicity.Title, f.Publicity.PeriodText))
            .ToList();
    }
}

internal sealed class GetPublicPublicityHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Committee.ICommitteeResults results, TimeProvider clock)
    : IHandler<GetPublicPublicity, PublicPublicityView>
{
    public async Task<PublicPublicityView> HandleAsync(GetPublicPublicity request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var publicity = await db.PublicPublicities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken);

        // Before its first day a publicity is not public: it answers as one that does not exist.
        if (publicity is null || PreliminaryCases.StatusAt(publicity, now) == PublicityStatus.NotStarted)
        {
            throw new NotFoundException("该公示");
        }

        var status = PreliminaryCases.StatusAt(publicity, now);
        var lines = status == PublicityStatus.Running
            ? await PreliminaryCases.LinesOfAsync(db, definitions, units, results, publicity, cancellationToken)
            : [];
        return new PublicPublicityView(publicity.Id, publicity.Title, publicity.PeriodText, status, lines, publicity.Kind);
    }
}

internal sealed class GetOfficePublicitiesHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, WorkingDayCalendar calendar, TimeProvider clock)
    : IHandler<GetOfficePublicities, OfficePublicitiesView>
{
    public async Task<OfficePublicitiesView> HandleAsync(GetOfficePublicities request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).Select(c => new { c.Id, c.Year }).ToListAsync(cancellationToken);
        var year = request.Year ?? (campaigns.Any(c => c.Year == today.Year) ? today.Year : campaigns.FirstOrDefault()?.Year ?? today.Year);
        var campaignId = campaigns.FirstOrDefault(c => c.Year == year)?.Id;

        var publicities = await db.PublicPublicities.AsNoTracking().Where(p => p.Kind == PublicPublicityKind.PreliminaryResults).ToListAsync(cancellationToken);
        var counts = await PublishedCountsAsync(cancellationToken);
        var archive = publicities
            .Select(p => new ArchivedPublicity(
                p.Id,
                campaigns.FirstOrDefault(c => c.Id == p.CampaignId)?.Year ?? 0,
                p.Title,
                p.PeriodText,
                PreliminaryCases.StatusAt(p, now),
                counts.GetValueOrDefault((p.CampaignId, true)),
                counts.GetValueOrDefault((p.CampaignId, false)),
                p.PublishedAt,
                p.PublishedByName))
            .OrderByDescending(p => p.Year)
            .ThenByDescending(p => p.PublishedAt)
            .ToList();

        var cases = campaignId is { } id ? await PreliminaryCases.OfCampaign(db, definitions, id).ToListAsync(cancellationToken) : [];
        var cards = await units.FindAllAsync([.. cases.Where(c => c.Undecided).Select(c => c.UnitId).Distinct()], cancellationToken);
        var undecided = cases.Where(c => c.Undecided)
            .GroupBy(c => c.UnitId)
            .Select(g => new UndecidedAtUnit(cards.GetValueOrDefault(g.Key)?.Name ?? "未知单位", g.Count()))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        var decided = cases.Where(c => c.Decided).ToList();
        var existing = publicities.FirstOrDefault(p => p.CampaignId == campaignId && p.Kind == PublicPublicityKind.PreliminaryResults);
        IReadOnlyList<Domain.Common.IBusinessRule> rules =
        [
            new OnePreliminaryPublicityPerCampaignRule(existing),
            new PreliminaryResultsAllDecidedRule(undecided),
            new PreliminaryResultsHaveADecisionRule(decided.Count),
        ];
        var refused = campaignId is null ? $"{year} 年度尚无评审。" : rules.FirstOrDefault(r => r.IsBroken())?.Message;
        var form = new PublishForm(
            PublishPreliminaryResults.DefaultTitle(year),
            calendar.HasYear(today.Year) && calendar.HasYear(today.Year + 1) ? calendar.AddWorkingDays(today, 1) : null,
            PublicPublicity.DefaultWorkingDays,
            undecided,
            decided.Count(d => d.Passed),
            decided.Count(d => !d.Passed),
            refused);

        var chosen = archive.FirstOrDefault(p => p.Id == request.PublicityId)
            ?? (existing is null ? null : archive.First(p => p.Id == existing.Id));
        var chosenCampaign = chosen is null ? (Guid?)null : publicities.First(p => p.Id == chosen.Id).CampaignId;
        var lines = chosenCampaign is { } c ? await PreliminaryCases.LinesAsync(db, definitions, units, c, cancellationToken) : [];
        return new OfficePublicitiesView(year, [.. campaigns.Select(c => c.Year)], form, chosen, lines, archive);
    }

    /// <summary>Per campaign, how many published cases stand passed and failed now (one grouped query for the whole archive).</summary>
    private async Task<Dictionary<(Guid CampaignId, bool Passed), int>> PublishedCountsAsync(CancellationToken cancellationToken)
    {
        var published = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryPublished);
        var passed = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryPassed);
        var counts = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && published.Contains(instance.State)
                group instance by new { application.CampaignId, Passed = passed.Contains(instance.State) } into g
                select new { g.Key.CampaignId, g.Key.Passed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => (c.CampaignId, c.Passed), c => c.Count);
    }
}

internal sealed class ExportPublicityHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Committee.ICommitteeResults results)
    : IHandler<ExportPublicity, Spreadsheet<PublicityLine>>
{
    public async Task<Spreadsheet<PublicityLine>> HandleAsync(ExportPublicity request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var publicity = await db.PublicPublicities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("该公示");
        var lines = await PreliminaryCases.LinesOfAsync(db, definitions, units, results, publicity, cancellationToken);
        return new Spreadsheet<PublicityLine>(publicity.Title, PublicityColumns.Of(publicity.Kind), lines.ToAsyncEnumerable());
    }
}

internal sealed class FindPreliminaryPublicityHandler(IApplicationDbContext db) : IHandler<FindPreliminaryPublicity, PublicPublicity?>
{
    public async Task<PublicPublicity?> HandleAsync(FindPreliminaryPublicity request, CancellationToken cancellationToken = default) =>
        await db.PublicPublicities.AsNoTracking()
            .FirstOrDefaultAsync(p => p.CampaignId == request.CampaignId && p.Kind == PublicPublicityKind.PreliminaryResults, cancellationToken);
}

internal static class PublicityAccess
{
    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以管理公示。");
        }
    }
}

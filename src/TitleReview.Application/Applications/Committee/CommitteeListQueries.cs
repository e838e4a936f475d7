using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee;

/// <summary>The office's committee list page (送评名单): the year's list compiled per level, the form, the archive.</summary>
public sealed record GetCommitteeList(int? Year, WorkflowActor Actor);

/// <summary>One level's part of the list: every case that reached the office, on it or not.</summary>
public sealed record CommitteeListLevel(TitleLevel Level, IReadOnlyList<CommitteeListRow> Rows)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public int OnList => Rows.Count(r => r.OnList);

    public int NotOnList => Rows.Count(r => !r.OnList && !r.Blocked);

    public int Blocked => Rows.Count(r => r.Blocked);
}

/// <param name="RefusedBecause">Why publishing would be refused now; null when it may be published.</param>
public sealed record CommitteeListForm(string DefaultTitle, DateOnly? DefaultFirstDay, int DefaultWorkingDays, string? RefusedBecause);

public sealed record PublishedCommitteeList(Guid Id, int Year, string Title, string PeriodText, PublicityStatus Status, DateTimeOffset PublishedAt, string PublishedByName);

/// <param name="WindowOpen">The compiling window (committeeReferral) is open: the office may adjust and publish.</param>
/// <param name="Published">The year's published list, if any.</param>
/// <param name="PublishedLines">The published list's lines (name, unit, level) as the public reads them.</param>
public sealed record CommitteeListView(
    int Year,
    IReadOnlyList<int> Years,
    string WindowText,
    bool WindowOpen,
    CommitteeListForm Form,
    IReadOnlyList<CommitteeListLevel> Levels,
    PublishedCommitteeList? Published,
    IReadOnlyList<PublicityLine> PublishedLines,
    IReadOnlyList<PublishedCommitteeList> Archive)
{
    /// <summary>Bans in force and units on the negative list among the year's cases.</summary>
    public IntegrityMarkSet Marks { get; init; } = IntegrityMarkSet.Empty;
}

/// <summary>The auditor's page: the unit's people on the year's committee list or not, with the reasons, once it is published.</summary>
public sealed record GetUnitCommitteeList(int? Year, WorkflowActor Actor);

/// <param name="Published">Null until the office publishes the list: before that the unit sees nothing of it.</param>
/// <param name="Defenses">The published defense time and place of the unit's senior candidates.</param>
public sealed record UnitCommitteeListView(int Year, IReadOnlyList<int> Years, string? UnitName, PublishedCommitteeList? Published, IReadOnlyList<CommitteeListRow> Rows)
{
    public IReadOnlyDictionary<Guid, Defense.DefenseAppointment> Defenses { get; init; } = new Dictionary<Guid, Defense.DefenseAppointment>();
}

internal sealed class GetCommitteeListHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    ICurrentCampaign current,
    WorkingDayCalendar calendar,
    IIntegrityMarks integrity,
    TimeProvider clock) : IHandler<GetCommitteeList, CommitteeListView>
{
    public async Task<CommitteeListView> HandleAsync(GetCommitteeList request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var years = await current.YearsAsync(cancellationToken);
        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.CommitteeReferral, cancellationToken);
        var year = campaign?.Year ?? request.Year ?? today.Year;
        var publicities = await (
                from publicity in db.PublicPublicities.AsNoTracking()
                join c in db.Campaigns.AsNoTracking() on publicity.CampaignId equals c.Id
                where publicity.Kind == PublicPublicityKind.CommitteeList
                select new { Publicity = publicity, c.Year })
            .ToListAsync(cancellationToken);
        var archive = publicities
            .Select(p => CommitteeListPublications.Describe(p.Publicity, p.Year, now))
            .OrderByDescending(p => p.Year)
            .ToList();
        if (campaign is null)
        {
            return new CommitteeListView(year, years, string.Empty, false, new CommitteeListForm(PublishCommitteeList.DefaultTitle(year), null, PublicPublicity.DefaultWorkingDays, $"{year} 年度尚无评审。"), [], null, [], archive);
        }

        var window = CampaignWindow.Of(campaign, StageKeys.CommitteeReferral, now);
        var existing = publicities.FirstOrDefault(p => p.Publicity.CampaignId == campaign.Id)?.Publicity;
        var cases = await CommitteeCases.OfCampaignAsync(db, definitions, campaign.Id, null, cancellationToken);
        var cards = await units.FindAllAsync([.. cases.Select(c => c.UnitId).Distinct()], cancellationToken);
        var rows = CommitteeCases.Rows(cases, definitions, cards, mayChange: window.IsOpen && existing is null);
        var draw = existing is null ? await CommitteeListPublication.DrawStatusAsync(db, campaign.Id, cancellationToken) : null;
        var rules = CommitteeListPublication.Rules(existing, draw, CommitteeCases.Compile(cases, definitions), cards);
        var refused = existing is null && !window.IsOpen
            ? $"送评名单只能在“{campaign.Stage(StageKeys.CommitteeReferral).Name}”期间（{WindowText(window)}）公布。"
            : rules.FirstOrDefault(r => r.IsBroken())?.Message;

        var form = new CommitteeListForm(
            PublishCommitteeList.DefaultTitle(year),
            calendar.HasYear(today.Year) && calendar.HasYear(today.Year + 1) ? calendar.AddWorkingDays(today, 1) : null,
            PublicPublicity.DefaultWorkingDays,
            refused);
        var levels = Enum.GetValues<TitleLevel>()
            .OrderDescending()
            .Select(l => new CommitteeListLevel(l, [.. rows.Where(r => r.Level == l)]))
            .ToList();
        var published = existing is null ? null : archive.First(a => a.Id == existing.Id);
        var lines = existing is null ? [] : CommitteeCases.PublicLines(cases, definitions, cards);
        var marks = await integrity.ForApplicationsAsync([.. rows.Select(r => r.ApplicationId)], cancellationToken);
        return new CommitteeListView(year, years, WindowText(window), window.IsOpen, form, levels, published, lines, archive) { Marks = marks };
    }

    private static string WindowText(CampaignWindow window) =>
        $"{BeijingTime.DateOf(window.OpensAt):yyyy年M月d日}至{BeijingTime.DateOf(window.LastSecond):M月d日}";
}

internal sealed class GetUnitCommitteeListHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    ICurrentCampaign current,
    Defense.IDefenseAppointments defenses,
    TimeProvider clock) : IHandler<GetUnitCommitteeList, UnitCommitteeListView>
{
    public async Task<UnitCommitteeListView> HandleAsync(GetUnitCommitteeList request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Auditor) || request.Actor.UnitId is not { } unitId)
        {
            throw new ForbiddenAccessException("只有单位审核人可以查看本单位的送评名单情况。");
        }

        var now = clock.GetUtcNow();
        var years = await current.YearsAsync(cancellationToken);
        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.CommitteeReferral, cancellationToken);
        var unit = await units.FindAsync(unitId, cancellationToken);
        var year = campaign?.Year ?? request.Year ?? BeijingTime.DateOf(now).Year;
        var publicity = campaign is null ? null : await db.PublicPublicities.AsNoTracking()
            .FirstOrDefaultAsync(p => p.CampaignId == campaign.Id && p.Kind == PublicPublicityKind.CommitteeList, cancellationToken);
        if (campaign is null || publicity is null)
        {
            return new UnitCommitteeListView(year, years, unit?.Name, null, []);
        }

        var cases = await CommitteeCases.OfCampaignAsync(db, definitions, campaign.Id, unitId, cancellationToken);
        var cards = unit is null ? new Dictionary<Guid, UnitCard>() : new Dictionary<Guid, UnitCard> { [unitId] = unit };
        var rows = CommitteeCases.Rows(cases, definitions, cards, mayChange: false);
        var appointments = await defenses.PublishedAsync([.. rows.Where(r => r.OnList && r.Level == TitleLevel.Senior).Select(r => r.ApplicationId)], cancellationToken);
        return new UnitCommitteeListView(year, years, unit?.Name, CommitteeListPublications.Describe(publicity, campaign.Year, now), rows) { Defenses = appointments };
    }
}

internal static class CommitteeListPublications
{
    public static PublishedCommitteeList Describe(PublicPublicity p, int year, DateTimeOffset now) =>
        new(p.Id, year, p.Title, p.PeriodText, PreliminaryCases.StatusAt(p, now), p.PublishedAt, p.PublishedByName);
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Originals;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Originals;

/// <summary>The office's overview of the originals check (原件复核): the chosen cases of the year by unit.</summary>
public sealed record ListOriginalsChecks(int? Year, WorkflowActor Actor);

/// <param name="RecordedCount">Items recorded so far.</param>
/// <param name="MismatchCount">Items recorded as not matching.</param>
public sealed record OriginalsRow(
    Guid ApplicationId,
    string ApplicantName,
    TitleLevel Level,
    string StateName,
    OriginalsStatus Status,
    int RecordedCount,
    int MismatchCount,
    DateTimeOffset ChosenAt,
    DateTimeOffset? ConcludedAt,
    string? ConcludedByName);

public sealed record OriginalsUnit(Guid UnitId, string UnitName, IReadOnlyList<OriginalsRow> Rows);

public sealed record OriginalsOverview(int Year, string WindowText, IReadOnlyList<OriginalsUnit> Units)
{
    public int Total => Units.Sum(u => u.Rows.Count);

    public int Count(OriginalsStatus status) => Units.Sum(u => u.Rows.Count(r => r.Status == status));
}

/// <summary>One chosen person's originals check: every item with its scan and what was recorded.</summary>
public sealed record GetOriginalsCheck(Guid ApplicationId, WorkflowActor Actor);

/// <param name="Matches">Whether the original matches the scan; null until recorded.</param>
public sealed record OriginalItemView(
    string Key,
    DossierSection Section,
    string Name,
    AttachmentView? Scan,
    bool? Matches,
    string? Finding,
    DateTimeOffset? RecordedAt,
    string? RecordedByName);

/// <param name="CheckToken">The check's concurrency token as read (<see cref="Guid.Empty"/> before anything is recorded).</param>
/// <param name="MayRecord">Whether the office may record and conclude now.</param>
/// <param name="WhyNot">Why not; null when it may.</param>
/// <param name="Overdue">Whether the spot check closed first, so concluding needs a reason.</param>
public sealed record OriginalsCheckView(
    DossierView Dossier,
    OriginalsStatus Status,
    IReadOnlyList<OriginalItemView> Items,
    Guid CheckToken,
    bool MayRecord,
    string? WhyNot,
    bool Overdue,
    DateTimeOffset? ConcludedAt,
    string? ConcludedByName,
    string? LateReason)
{
    public int RecordedCount => Items.Count(i => i.Matches is not null);

    public bool AllRecorded => RecordedCount == Items.Count;
}

/// <summary>The unit auditor's view of the spot check (抽查复核): who of the unit was chosen, the notice, the status.</summary>
public sealed record GetUnitSpotCheck(int? Year, WorkflowActor Actor);

/// <param name="Notice">The draw's notice as the journal keeps it (when and how to bring the originals).</param>
public sealed record UnitSpotCheckRow(Guid ApplicationId, string ApplicantName, TitleLevel Level, OriginalsStatus Status, string? Notice, DateTimeOffset ChosenAt);

public sealed record UnitSpotCheckView(int Year, string UnitName, string WindowText, IReadOnlyList<UnitSpotCheckRow> Rows);

internal sealed class ListOriginalsChecksHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units)
    : IHandler<ListOriginalsChecks, OriginalsOverview>
{
    public async Task<OriginalsOverview> HandleAsync(ListOriginalsChecks request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var chosen = await OriginalsData.ChosenAsync(db, definitions, campaign.Id, null, cancellationToken);
        var cards = await units.FindAllAsync([.. chosen.Select(c => c.UnitId).Distinct()], cancellationToken);
        var byUnit = chosen.GroupBy(c => c.UnitId)
            .Select(g => new OriginalsUnit(
                g.Key,
                cards.TryGetValue(g.Key, out var card) ? card.Name : string.Empty,
                [.. g.Select(c => new OriginalsRow(
                    c.ApplicationId,
                    c.ApplicantName,
                    c.Level,
                    c.StateName,
                    c.Status,
                    c.Check?.Items.Count ?? 0,
                    c.Check?.Items.Count(i => !i.Matches) ?? 0,
                    c.ChosenAt,
                    c.Check?.ConcludedAt,
                    c.Check?.ConcludedByName))]))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        return new OriginalsOverview(campaign.Year, OriginalsData.WindowText(campaign), byUnit);
    }
}

internal sealed class GetOriginalsCheckHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IHandler<GetDossier, DossierView> dossiers)
    : IHandler<GetOriginalsCheck, OriginalsCheckView>
{
    public async Task<OriginalsCheckView> HandleAsync(GetOriginalsCheck request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var dossier = await dossiers.HandleAsync(new GetDossier(request.ApplicationId, request.Actor), cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().FirstAsync(i => i.Id == dossier.InstanceId, cancellationToken);
        var check = await db.OriginalsChecks.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == request.ApplicationId, cancellationToken);
        var status = OriginalsData.StatusOf(definitions, instance.DefinitionId, instance.DefinitionVersion, instance.State, check);
        var awaiting = OriginalsData.AwaitsCheck(definitions, instance);
        var recorded = check?.Items.ToDictionary(i => i.Key, StringComparer.Ordinal) ?? [];
        var items = OriginalsData.ItemsOf(dossier)
            .Select(i =>
            {
                var r = recorded.GetValueOrDefault(i.Key);
                return new OriginalItemView(i.Key, i.Section, i.Name, i.Scan, r?.Matches, r?.Finding, r?.RecordedAt, r?.RecordedByName);
            })
            .ToList();
        var whyNot = awaiting ? null : new OriginalsOnlyForChosenCasesRule(false).Message;
        return new OriginalsCheckView(
            dossier,
            status,
            items,
            check?.ConcurrencyToken ?? Guid.Empty,
            whyNot is null,
            whyNot,
            definitions.Has(instance, StateCapabilities.SpotCheckOverdue),
            check?.ConcludedAt,
            check?.ConcludedByName,
            check?.LateReason);
    }
}

internal sealed class GetUnitSpotCheckHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units)
    : IHandler<GetUnitSpotCheck, UnitSpotCheckView>
{
    public async Task<UnitSpotCheckView> HandleAsync(GetUnitSpotCheck request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Auditor) || request.Actor.UnitId is not { } unitId)
        {
            throw new ForbiddenAccessException("只有单位审核人可以查看本单位的抽查复核情况。");
        }

        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var chosen = await OriginalsData.ChosenAsync(db, definitions, campaign.Id, unitId, cancellationToken);
        return new UnitSpotCheckView(
            campaign.Year,
            (await units.FindAsync(unitId, cancellationToken))?.Name ?? string.Empty,
            OriginalsData.WindowText(campaign),
            [.. chosen.Select(c => new UnitSpotCheckRow(c.ApplicationId, c.ApplicantName, c.Level, c.Status, c.Notice, c.ChosenAt))]);
    }
}

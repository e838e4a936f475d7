using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>A whole dossier as its reader may see it: the applicant, their auditor or the office.</summary>
public sealed record GetDossier(Guid ApplicationId, WorkflowActor Actor);

public sealed record AttachmentView(Guid Id, string SlotKey, string Name, string ContentType, long Length, DateTimeOffset UploadedAt, int DuplicateCount);

public sealed record MandatoryItemView(string Key, DossierSection Section, string Description, bool Verified);

public sealed record ReturnReasonView(DossierSection Section, string Reason, int Round, DateTimeOffset ReturnedAt, string ReturnedBy);

public sealed record DossierView(
    Guid ApplicationId,
    Guid InstanceId,
    int Year,
    string CampaignName,
    string ApplicantName,
    string UnitName,
    TitleLevel Level,
    string? CurrentTitle,
    DateOnly? CurrentTitleDate,
    string? CurrentPost,
    EvaluationType EvaluationType,
    bool FromCivilService,
    DateOnly TenureCutoff,
    string? TenureText,
    LevelRule Rule,
    string State,
    string StateName,
    Guid InstanceToken,
    Guid DossierToken,
    string? NotEditableReason,
    string FilingWindowText,
    IReadOnlyList<DossierItem> Items,
    IReadOnlyDictionary<string, AttachmentView> Attachments,
    IReadOnlyList<MissingItem> Missing,
    IReadOnlyList<MandatoryItemView> Mandatory,
    IReadOnlyList<ReturnReasonView> LatestReturn,
    IReadOnlyList<PermittedTrigger> PermittedTriggers)
{
    public bool Editable => NotEditableReason is null;

    /// <summary>The unit approved the dossier: its generated papers can be printed.</summary>
    public bool DocumentsPrintable { get; init; }

    /// <summary>The dossier waits for the unit's auditor.</summary>
    public bool AwaitingUnitReview { get; init; }

    /// <summary>Whether the viewer may fire the use case's operation now (e.g. the applicant's submission).</summary>
    public bool Permits(string operation) => PermittedTriggers.Any(t => t.Operation == operation);

    public IEnumerable<T> ItemsOf<T>()
        where T : DossierItem => Items.OfType<T>();

    public AttachmentView? AttachmentFor(string slot) => Attachments.TryGetValue(slot, out var a) ? a : null;

    public string? ReturnReasonFor(DossierSection section) => LatestReturn.FirstOrDefault(r => r.Section == section)?.Reason;
}

internal sealed class GetDossierHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IWorkflowEngine engine,
    TimeProvider clock) : IHandler<GetDossier, DossierView>
{
    public async Task<DossierView> HandleAsync(GetDossier request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadAsync(db, request.ApplicationId, request.Actor, track: false, cancellationToken);
        var contents = await DossierContents.LoadAsync(db, application.Id, cancellationToken);
        var unitName = await db.Units.Where(u => u.Id == application.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var rule = campaign.RuleFor(application.Level);
        var now = clock.GetUtcNow();

        // Duplicate scans (the same file in another applicant's dossier) are shown to the office and auditors.
        var shaList = contents.Attachments.Select(a => a.Sha256).ToList();
        var showDuplicates = request.Actor.Roles.Contains(Roles.Office) || request.Actor.Roles.Contains(Roles.Auditor);
        var duplicates = showDuplicates
            ? await db.DossierAttachments.AsNoTracking()
                .Where(a => shaList.Contains(a.Sha256) && a.ApplicationId != application.Id)
                .GroupBy(a => a.Sha256)
                .Select(g => new { Sha = g.Key, Count = g.Select(a => a.ApplicationId).Distinct().Count() })
                .ToDictionaryAsync(g => g.Sha, g => g.Count, cancellationToken)
            : [];

        var returns = await db.SectionReturns.AsNoTracking().Where(r => r.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var latestRound = returns.Count == 0 ? 0 : returns.Max(r => r.Round);
        var filing = campaign.Stage(StageKeys.Filing);
        var tenure = DossierCheck.TenureText(application.CurrentTitleDate, campaign.TenureCutoff);

        return new DossierView(
            application.Id,
            instance.Id,
            campaign.Year,
            campaign.Name,
            application.ApplicantName,
            unitName,
            application.Level,
            application.CurrentTitle,
            application.CurrentTitleDate,
            application.CurrentPost,
            application.EvaluationType,
            application.FromCivilService,
            campaign.TenureCutoff,
            tenure,
            rule,
            instance.State,
            definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State),
            instance.ConcurrencyToken,
            application.ConcurrencyToken,
            DossierAccess.WhyNotEditable(definitions, application, instance, campaign, request.Actor, now),
            $"{BeijingTime.Format(filing.OpensAt)} 至 {BeijingTime.Format(filing.LastSecond)}",
            contents.Items.OrderBy(i => i.Section).ThenBy(SortKey).ToList(),
            contents.Attachments.ToDictionary(
                a => a.SlotKey,
                a => new AttachmentView(a.Id, a.SlotKey, a.OriginalName, a.ContentType, a.Length, a.UploadedAt, duplicates.TryGetValue(a.Sha256, out var n) ? n : 0)),
            DossierCheck.Missing(application, contents.Items, contents.FilledSlots, rule, campaign.Year),
            DossierCheck.MandatoryItems(contents.Items).Select(m => new MandatoryItemView(m.Key, m.Section, m.Description, contents.VerifiedKeys.Contains(m.Key))).ToList(),
            returns.Where(r => r.Round == latestRound).Select(r => new ReturnReasonView(r.Section, r.Reason, r.Round, r.ReturnedAt, r.ReturnedBy)).ToList(),
            await engine.PermittedTriggersAsync(instance.Id, request.Actor, cancellationToken))
        {
            DocumentsPrintable = definitions.Has(instance, StateCapabilities.DocumentsPrintable),
            AwaitingUnitReview = definitions.Has(instance, StateCapabilities.AwaitingUnitReview),
        };
    }

    private static string SortKey(DossierItem item) => item switch
    {
        ContinuingEducationYear y => y.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
        WorkHistoryEntry w => w.From.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        Award a => a.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        WorkMaterial m => m.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        Paper p => p.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        Book b => b.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}

/// <summary>For the office: the same scan in more than one applicant's dossier.</summary>
public sealed record ListDuplicateFiles(int? Year = null);

public sealed record DuplicateFileRow(string Sha256, string ApplicantName, string UnitName, int Year, Guid ApplicationId, string FileName, string Slot);

internal sealed class ListDuplicateFilesHandler(IApplicationDbContext db) : IHandler<ListDuplicateFiles, IReadOnlyList<DuplicateFileRow>>
{
    public async Task<IReadOnlyList<DuplicateFileRow>> HandleAsync(ListDuplicateFiles request, CancellationToken cancellationToken = default)
    {
        var shared = db.DossierAttachments
            .GroupBy(a => a.Sha256)
            .Where(g => g.Select(a => a.ApplicationId).Distinct().Count() > 1)
            .Select(g => g.Key);
        var rows = await (
                from attachment in db.DossierAttachments.AsNoTracking()
                where shared.Contains(attachment.Sha256)
                join application in db.TitleApplications.AsNoTracking() on attachment.ApplicationId equals application.Id
                join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                join unit in db.Units.AsNoTracking() on application.UnitId equals unit.Id
                where request.Year == null || campaign.Year == request.Year
                select new DuplicateFileRow(attachment.Sha256, application.ApplicantName, unit.Name, campaign.Year, application.Id, attachment.OriginalName, attachment.SlotKey))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Sha256).ThenBy(r => r.ApplicantName).ToList();
    }
}

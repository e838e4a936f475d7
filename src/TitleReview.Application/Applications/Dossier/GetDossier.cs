using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Applications.Opinions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>A whole dossier as its reader may see it: the applicant, their auditor or the office.</summary>
public sealed record GetDossier(Guid ApplicationId, WorkflowActor Actor)
{
    /// <summary>The committee's reading (issue 16): the expert's access was decided by the assignment, which the workflow's own access does not know.</summary>
    internal bool AssignedToExpert { get; init; }
}

/// <summary>An entry of sections 2–5; <see cref="Kind"/> is one of <see cref="DossierEntryKinds"/>.</summary>
public sealed record DossierEntryView(Guid Id, string Key, string Kind, DossierSection Section, string Description, bool TakesScan);

/// <summary>Another applicant whose dossier holds the same file, named only as far as a reviewer needs.</summary>
public sealed record DuplicateHolderView(string MaskedName, string UnitName);

public sealed record AttachmentView(Guid Id, string SlotKey, string Name, string ContentType, long Length, DateTimeOffset UploadedAt, IReadOnlyList<DuplicateHolderView> DuplicatedIn)
{
    /// <summary>How many other applicants hold the same file; always 0 for the applicant, who is not told.</summary>
    public int DuplicateCount => DuplicatedIn.Count;

    /// <summary>Who else holds the file, as the review page names them: “单位 张*丽、单位 李*”.</summary>
    public string DuplicatedInText => string.Join("、", DuplicatedIn.Select(h => $"{h.UnitName} {h.MaskedName}"));
}

public sealed record MissingItemView(DossierSection Section, string Message);

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
    IReadOnlyList<DossierEntryView> Entries,
    IReadOnlyDictionary<string, AttachmentView> Attachments,
    IReadOnlyList<MissingItemView> Missing,
    IReadOnlyList<MandatoryItemView> Mandatory,
    IReadOnlyList<ReturnReasonView> LatestReturn,
    IReadOnlyList<PermittedTrigger> PermittedTriggers)
{
    public bool Editable => NotEditableReason is null;

    /// <summary>The unit approved the dossier: its generated papers can be printed.</summary>
    public bool DocumentsPrintable { get; init; }

    /// <summary>The dossier waits for the unit's auditor.</summary>
    public bool AwaitingUnitReview { get; init; }

    /// <summary>The review form's opinions as saved; null until the auditor saves them.</summary>
    public ReviewFormOpinionsView? Opinions { get; init; }

    /// <summary>
    /// The supervising department the viewer would type the 主管部门意见 for, when the viewer is the
    /// unit's auditor and may type the opinions now (approved, not yet submitted); null otherwise.
    /// </summary>
    public string? OpinionsEditableFor { get; init; }

    public bool OpinionsEditable => OpinionsEditableFor is not null;

    /// <summary>The words of the work materials written since the current title, as the completeness check counts them.</summary>
    public int WordCountSinceCurrentTitle { get; init; }

    /// <summary>The current title's level as the applicant chose it; null until chosen.</summary>
    public CurrentTitleLevel? CurrentTitleLevel { get; init; }

    /// <summary>学历 as stated; null until stated.</summary>
    public StatedEducation? Education { get; init; }

    /// <summary>Every eligibility condition's outcome with its numbers, as the office's review desk reads them too.</summary>
    public IReadOnlyList<Preliminary.EligibilityOutcome> Eligibility { get; init; } = [];

    /// <summary>Whether the viewer may fire the use case's operation now (e.g. the applicant's submission).</summary>
    public bool Permits(string operation) => PermittedTriggers.Any(t => t.Operation == operation);

    public IReadOnlyList<DossierEntryView> EntriesOf(string kind) => Entries.Where(e => e.Kind == kind).ToList();

    public AttachmentView? AttachmentFor(string slot) => Attachments.TryGetValue(slot, out var a) ? a : null;

    /// <summary>The scans that other applicants' dossiers hold too (empty for the applicant).</summary>
    /// <summary>For the office, once the payment window closed: the unit's unpaid review-fee status; null otherwise.</summary>
    public string? UnpaidFee { get; init; }

    public IReadOnlyList<AttachmentView> DuplicatedScans => Attachments.Values.Where(a => a.DuplicateCount > 0).ToList();

    public string? ReturnReasonFor(DossierSection section) => LatestReturn.FirstOrDefault(r => r.Section == section)?.Reason;
}

internal sealed class GetDossierHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IWorkflowEngine engine,
    IUnitDirectory units,
    Fees.IUnitPayments payments,
    TimeProvider clock) : IHandler<GetDossier, DossierView>
{
    /// <summary>Those told that a scan is also in other applicants' dossiers; the applicants are not.</summary>
    public static readonly IReadOnlyList<string> DuplicateReaders = [Roles.Office, Roles.Inspector, Roles.Auditor];

    /// <remarks>
    /// A read (issue 12): nothing is tracked and the aggregate is not assembled. The application
    /// comes with its instance in one command, then each part of the dossier in its own (one
    /// query including all four would multiply their rows by each other) and only the latest
    /// round of returns, the one shown; the engine decides on the facts of these parts.
    /// </remarks>
    public async Task<DossierView> HandleAsync(GetDossier request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.ReadAsync(db, request.ApplicationId, request.Actor, cancellationToken, request.AssignedToExpert);
        var contents = await DossierContents.LoadAsync(db, application, cancellationToken);
        var latestReturn = await LatestReturnAsync(application.Id, cancellationToken);
        var unitName = (await units.FindAsync(application.UnitId, cancellationToken))?.Name ?? string.Empty;
        var rule = campaign.RuleFor(application.Level);
        var now = clock.GetUtcNow();
        var entries = contents.Items;
        var duplicates = request.Actor.HasAnyRole(DuplicateReaders)
            ? await DuplicateHoldersAsync(application, contents.Attachments, cancellationToken)
            : new Dictionary<string, IReadOnlyList<DuplicateHolderView>>();
        var filing = campaign.Stage(StageKeys.Filing);
        var paymentClosed = campaign.Stages.FirstOrDefault(s => s.Key == StageKeys.Payment) is { } payment && now >= payment.ClosesAt;
        var unpaidFee = request.Actor.ReadsAsOffice && paymentClosed
            ? (await payments.UnpaidAfterCloseAsync(campaign.Year, cancellationToken)).GetValueOrDefault(application.UnitId)
            : null;
        var documentsPrintable = definitions.Has(instance, StateCapabilities.DocumentsPrintable);
        var opinionsEditable = request.Actor.Roles.Contains(Roles.Auditor) && documentsPrintable && !definitions.Has(instance, StateCapabilities.SubmittedToOffice);
        var stateName = await ResultsSecrecy.HiddenAsync(db, definitions.Has(instance, StateCapabilities.CommitteeDecided), application.CampaignId, request.Actor, now, cancellationToken)
            ? ResultsSecrecy.AwaitingResults
            : definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State);

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
            DossierCheck.TenureText(application.CurrentTitleDate, campaign.TenureCutoff),
            rule,
            instance.State,
            stateName,
            instance.ConcurrencyToken,
            application.ConcurrencyToken,
            DossierAccess.WhyNotEditable(definitions, application, instance, campaign, request.Actor, now),
            $"{BeijingTime.Format(filing.OpensAt)} 至 {BeijingTime.Format(filing.LastSecond)}",
            entries.OrderBy(i => i.Section).ThenBy(SortKey)
                .Select(i => new DossierEntryView(i.Id, i.Key, i.EntryKind, i.Section, i.Describe(), i.TakesScan))
                .ToList(),
            contents.Attachments.ToDictionary(
                a => a.SlotKey,
                a => new AttachmentView(a.Id, a.SlotKey, a.OriginalName, a.ContentType, a.Length, a.UploadedAt, duplicates.TryGetValue(a.Sha256, out var holders) ? holders : [])),
            DossierCheck.Missing(application, entries, contents.FilledSlots, campaign.EligibilityTermsFor(application.Level))
                .Select(m => new MissingItemView(m.Section, m.Message))
                .ToList(),
            DossierCheck.MandatoryItems(entries).Select(m => new MandatoryItemView(m.Key, m.Section, m.Description, contents.VerifiedKeys.Contains(m.Key))).ToList(),
            latestReturn,
            await engine.PermittedTriggersAsync(instance, request.Actor, DossierFacts.Of(contents, campaign), cancellationToken))
        {
            DocumentsPrintable = documentsPrintable,
            Opinions = ReviewFormOpinionsOf.Of(application),
            OpinionsEditableFor = opinionsEditable ? await units.SupervisingDepartmentAsync(application.CampaignId, application.UnitId, cancellationToken) : null,
            AwaitingUnitReview = definitions.Has(instance, StateCapabilities.AwaitingUnitReview),
            WordCountSinceCurrentTitle = DossierCheck.WordCountSince(entries, application.CurrentTitleDate),
            CurrentTitleLevel = application.CurrentTitleLevel,
            Education = application.Education,
            Eligibility = Preliminary.EligibilityEvaluator.OutcomesOf(
                EligibilityFacts.Of(application, entries, contents.FilledSlots, contents.VerifiedKeys),
                campaign.EligibilityTermsFor(application.Level)),
            UnpaidFee = unpaidFee,
        };
    }

    /// <summary>The sections returned in the latest round, as <see cref="TitleApplication.LatestReturn"/> lists them.</summary>
    private async Task<IReadOnlyList<ReturnReasonView>> LatestReturnAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var returns = db.SectionReturns.AsNoTracking().Where(r => r.ApplicationId == applicationId);
        var latest = await returns
            .Where(r => r.Round == returns.Max(other => other.Round))
            .Select(r => new ReturnReasonView(r.Section, r.Reason, r.Round, r.ReturnedAt, r.ReturnedBy))
            .ToListAsync(cancellationToken);

        // In memory: the section is stored by name, and the page lists the sections in their order.
        return [.. latest.OrderBy(r => r.Section)];
    }

    /// <summary>
    /// For each of the dossier's files (by SHA-256), the other applicants whose dossiers hold it too.
    /// The applicant's own dossiers of other years do not count: reusing one's own scan is no copy.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<DuplicateHolderView>>> DuplicateHoldersAsync(TitleApplication application, IReadOnlyList<DossierAttachment> attachments, CancellationToken cancellationToken)
    {
        var hashes = attachments.Select(a => a.Sha256).Distinct().ToList();
        var holders = await (
                from attachment in db.DossierAttachments.AsNoTracking()
                where hashes.Contains(attachment.Sha256)
                join other in db.TitleApplications.AsNoTracking() on attachment.ApplicationId equals other.Id
                where other.ApplicantUserId != application.ApplicantUserId
                select new { attachment.Sha256, other.ApplicantUserId, other.ApplicantName, other.UnitId })
            .ToListAsync(cancellationToken);
        var unitNames = await UnitNamesAsync(units, holders.Select(h => h.UnitId), cancellationToken);
        return holders
            .GroupBy(h => h.Sha256)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<DuplicateHolderView>)g.DistinctBy(h => h.ApplicantUserId)
                    .Select(h => new DuplicateHolderView(PersonNames.Mask(h.ApplicantName), unitNames[h.UnitId]))
                    .OrderBy(h => h.UnitName, StringComparer.Ordinal)
                    .ThenBy(h => h.MaskedName, StringComparer.Ordinal)
                    .ToList());
    }

    /// <summary>The names of the units, asked of the Units module (ADR 0022); a unit it does not know reads as empty.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(IUnitDirectory units, IEnumerable<Guid> unitIds, CancellationToken cancellationToken)
    {
        var ids = unitIds.Distinct().ToList();
        var cards = await units.FindAllAsync(ids, cancellationToken);
        return ids.ToDictionary(id => id, id => cards.TryGetValue(id, out var card) ? card.Name : string.Empty);
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

internal sealed class ListDuplicateFilesHandler(IApplicationDbContext db, IUnitDirectory units) : IHandler<ListDuplicateFiles, IReadOnlyList<DuplicateFileRow>>
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
                where request.Year == null || campaign.Year == request.Year
                select new { attachment.Sha256, application.ApplicantName, application.UnitId, campaign.Year, ApplicationId = application.Id, attachment.OriginalName, attachment.SlotKey })
            .ToListAsync(cancellationToken);
        var unitNames = await GetDossierHandler.UnitNamesAsync(units, rows.Select(r => r.UnitId), cancellationToken);
        return rows
            .Select(r => new DuplicateFileRow(r.Sha256, r.ApplicantName, unitNames[r.UnitId], r.Year, r.ApplicationId, r.OriginalName, r.SlotKey))
            .OrderBy(r => r.Sha256).ThenBy(r => r.ApplicantName).ToList();
    }
}

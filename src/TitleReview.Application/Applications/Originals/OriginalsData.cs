using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Originals;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Originals;

/// <summary>An item of the dossier that has an original: a fixed attachment or an entry that takes a scan.</summary>
public sealed record OriginalItem(string Key, DossierSection Section, string Name, AttachmentView? Scan);

/// <summary>A chosen case as the spot check pages list it.</summary>
internal sealed record ChosenCase(
    Guid ApplicationId,
    string ApplicantName,
    Guid UnitId,
    TitleLevel Level,
    string StateName,
    OriginalsStatus Status,
    string? Notice,
    DateTimeOffset ChosenAt,
    OriginalsCheck? Check);

/// <summary>What the originals use cases read alike.</summary>
internal static class OriginalsData
{
    /// <summary>The dossier's items with an original, in the order the dossier reads.</summary>
    public static IReadOnlyList<OriginalItem> ItemsOf(DossierView dossier) =>
    [
        .. AttachmentSlots.Fixed.Where(s => dossier.AttachmentFor(s) is not null)
            .Select(s => new OriginalItem(s, AttachmentSlots.SectionOf(s), AttachmentSlots.Describe(s), dossier.AttachmentFor(s))),
        .. dossier.Entries.Where(e => e.TakesScan)
            .Select(e => new OriginalItem(e.Key, e.Section, Shorten(e.Description), dossier.AttachmentFor(e.Key))),
    ];

    public static bool AwaitsCheck(IWorkflowDefinitions definitions, WorkflowInstance instance) =>
        definitions.Has(instance, StateCapabilities.SpotCheckPending) || definitions.Has(instance, StateCapabilities.SpotCheckOverdue);

    /// <summary>
    /// Where the check stands: the state's meaning while the case is in the spot check; once it
    /// moved on (to the committee list or not), what the office concluded, or overdue when it never did.
    /// </summary>
    public static OriginalsStatus StatusOf(IWorkflowDefinitions definitions, string definitionId, int version, string state, OriginalsCheck? check)
    {
        bool Means(string capability) => definitions.Has(definitionId, version, state, capability);
        if (Means(StateCapabilities.SpotCheckPending))
        {
            return OriginalsStatus.Pending;
        }

        if (Means(StateCapabilities.SpotCheckOverdue))
        {
            return OriginalsStatus.Overdue;
        }

        if (Means(StateCapabilities.SpotCheckMismatch))
        {
            return OriginalsStatus.Mismatch;
        }

        if (Means(StateCapabilities.SpotCheckPassed))
        {
            return OriginalsStatus.Matched;
        }

        return check?.Matched switch
        {
            true => OriginalsStatus.Matched,
            false => OriginalsStatus.Mismatch,
            _ => OriginalsStatus.Overdue,
        };
    }

    public static string WindowText(Campaign campaign) =>
        campaign.Stages.FirstOrDefault(s => s.Key == StageKeys.SpotCheck) is { } stage ? stage.Describe() : "本年度未设抽查复核阶段";

    /// <summary>
    /// The campaign's chosen cases (of one unit, or all): those whose journal shows them entering
    /// a state that waits for the originals, with the draw's notice from that row. Two queries.
    /// </summary>
    public static async Task<IReadOnlyList<ChosenCase>> ChosenAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, Guid? unitId, CancellationToken cancellationToken)
    {
        var pending = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SpotCheckPending);
        var rows = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                join entry in db.WorkflowJournal.AsNoTracking() on instance.Id equals entry.InstanceId
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId
                      && (unitId == null || application.UnitId == unitId) && pending.Contains(entry.ToState)
                select new
                {
                    application.Id,
                    application.ApplicantName,
                    application.UnitId,
                    application.Level,
                    instance.DefinitionId,
                    instance.DefinitionVersion,
                    instance.State,
                    EntryId = entry.Id,
                    entry.Reason,
                    entry.OccurredAt,
                })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var checks = await db.OriginalsChecks.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToDictionaryAsync(c => c.ApplicationId, cancellationToken);
        return [.. rows.GroupBy(r => r.Id)
            .Select(g => g.MaxBy(r => r.EntryId)!)
            .Select(r =>
            {
                var check = checks.GetValueOrDefault(r.Id);
                return new ChosenCase(
                    r.Id,
                    r.ApplicantName,
                    r.UnitId,
                    r.Level,
                    definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State),
                    StatusOf(definitions, r.DefinitionId, r.DefinitionVersion, r.State, check),
                    r.Reason,
                    r.OccurredAt,
                    check);
            })
            .OrderBy(c => c.ApplicantName, StringComparer.Ordinal)];
    }

    private static string Shorten(string text) =>
        text.Length <= OriginalsCheck.MaxItemNameLength ? text : text[..OriginalsCheck.MaxItemNameLength];
}

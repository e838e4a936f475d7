using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>For an application's guards: what its dossier lacks, what the auditor has not ticked, and its publicity.</summary>
internal sealed class DossierFacts(IApplicationDbContext db) : IWorkflowFactProvider
{
    public string SubjectType => ApplicationWorkflow.SubjectType;

    public async Task<WorkflowFacts> AddFactsAsync(WorkflowInstance instance, WorkflowFacts facts, CancellationToken cancellationToken)
    {
        var campaign = facts.Campaign;
        var contents = await DossierContents.LoadAsync(db, instance.SubjectId, cancellationToken);
        var rule = campaign?.RuleFor(contents.Application.Level) ?? Domain.Applications.LevelRule.DefaultFor(contents.Application.Level);
        var year = campaign?.Year ?? contents.Application.CreatedAt.Year;
        var missing = DossierCheck.Missing(contents.Application, contents.Items, contents.FilledSlots, rule, year)
            .Select(m => $"【{DossierSections.DisplayName(m.Section)}】{m.Message}")
            .ToList();
        var unverified = DossierCheck.MandatoryItems(contents.Items)
            .Where(m => !contents.VerifiedKeys.Contains(m.Key))
            .Select(m => m.Description)
            .ToList();
        return facts with
        {
            Application = new ApplicationFacts(missing, unverified, contents.Application.PublicityEnd, contents.Application.PublicityOutcome),
        };
    }
}

/// <summary>Everything in one application's dossier, read together.</summary>
internal sealed record DossierContents(
    Domain.Applications.TitleApplication Application,
    IReadOnlyList<DossierItem> Items,
    IReadOnlyList<DossierAttachment> Attachments,
    IReadOnlyCollection<string> FilledSlots,
    IReadOnlyCollection<string> VerifiedKeys)
{
    public static async Task<DossierContents> LoadAsync(IApplicationDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await db.TitleApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId, cancellationToken);
        var items = await db.DossierItems.AsNoTracking().Where(i => i.ApplicationId == applicationId).ToListAsync(cancellationToken);
        var attachments = await db.DossierAttachments.AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync(cancellationToken);
        var verified = await db.DossierVerifications.AsNoTracking().Where(v => v.ApplicationId == applicationId).Select(v => v.ItemKey).ToListAsync(cancellationToken);
        return new DossierContents(application, items, attachments, attachments.Select(a => a.SlotKey).ToHashSet(), verified.ToHashSet());
    }
}

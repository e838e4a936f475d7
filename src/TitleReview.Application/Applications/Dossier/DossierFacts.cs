using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>For an application's guards: what its dossier lacks, what the auditor has not ticked, and its publicity.</summary>
internal sealed class DossierFacts(IApplicationDbContext db) : IWorkflowFactProvider
{
    public string SubjectType => ApplicationWorkflow.SubjectType;

    public async Task<WorkflowFacts> AddFactsAsync(WorkflowInstance instance, WorkflowFacts facts, CancellationToken cancellationToken)
    {
        var contents = await DossierContents.LoadAsync(db, instance.SubjectId, cancellationToken);
        return facts with { Application = Of(contents.Application, contents.Items, contents.FilledSlots, contents.VerifiedKeys, facts.Campaign) };
    }

    /// <summary>
    /// The facts of a dossier a use case has already loaded whole, so the engine need not read it
    /// again (issue 12): computed as <see cref="AddFactsAsync"/> computes them from the database.
    /// </summary>
    public static WorkflowFacts Of(Domain.Applications.TitleApplication application, Domain.Campaigns.Campaign campaign) =>
        new(campaign)
        {
            Application = Of(
                application,
                [.. application.Entries],
                application.Attachments.Select(a => a.SlotKey).ToHashSet(),
                application.MandatoryItems().Select(m => m.Key).Where(application.IsVerified).ToHashSet(),
                campaign),
        };

    /// <summary>The facts of a dossier read in parts, without its aggregate (the dossier's page, issue 12).</summary>
    public static WorkflowFacts Of(DossierContents contents, Domain.Campaigns.Campaign campaign) =>
        new(campaign) { Application = Of(contents.Application, contents.Items, contents.FilledSlots, contents.VerifiedKeys, campaign) };

    private static ApplicationFacts Of(
        Domain.Applications.TitleApplication application,
        IReadOnlyList<DossierItem> items,
        IReadOnlyCollection<string> filledSlots,
        IReadOnlyCollection<string> verifiedKeys,
        Domain.Campaigns.Campaign? campaign)
    {
        var missing = DossierCheck.Missing(application, items, filledSlots, TermsFor(application, campaign))
            .Select(m => $"【{DossierSections.DisplayName(m.Section)}】{m.Message}")
            .ToList();
        var unverified = DossierCheck.MandatoryItems(items)
            .Where(m => !verifiedKeys.Contains(m.Key))
            .Select(m => m.Description)
            .ToList();
        return new ApplicationFacts(missing, unverified, application.PublicityEnd, application.PublicityOutcome);
    }

    /// <summary>The campaign's terms for the application's level; the defaults of its year where no campaign is at hand.</summary>
    internal static EligibilityTerms TermsFor(Domain.Applications.TitleApplication application, Domain.Campaigns.Campaign? campaign)
    {
        if (campaign is not null)
        {
            return campaign.EligibilityTermsFor(application.Level);
        }

        var year = application.CreatedAt.Year;
        return new EligibilityTerms(Domain.Applications.LevelRule.DefaultFor(application.Level), year, new DateOnly(year, 12, 31));
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
    public static async Task<DossierContents> LoadAsync(IApplicationDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        await LoadAsync(db, await db.TitleApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId, cancellationToken), cancellationToken);

    /// <summary>The parts of the dossier of an application already read (without its aggregate's collections).</summary>
    public static async Task<DossierContents> LoadAsync(IApplicationDbContext db, Domain.Applications.TitleApplication application, CancellationToken cancellationToken)
    {
        var applicationId = application.Id;
        var items = await db.DossierItems.AsNoTracking().Where(i => i.ApplicationId == applicationId).ToListAsync(cancellationToken);
        var attachments = await db.DossierAttachments.AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync(cancellationToken);
        var verified = await db.DossierVerifications.AsNoTracking().Where(v => v.ApplicationId == applicationId).Select(v => v.ItemKey).ToListAsync(cancellationToken);
        return new DossierContents(application, items, attachments, attachments.Select(a => a.SlotKey).ToHashSet(), verified.ToHashSet());
    }
}

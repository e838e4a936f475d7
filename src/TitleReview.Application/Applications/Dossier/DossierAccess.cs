using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>Who may read a dossier, and when its owner may change it.</summary>
internal static class DossierAccess
{
    /// <summary>The application alone, without its dossier: for use cases that only read its workflow.</summary>
    public static Task<(TitleApplication Application, WorkflowInstance Instance, Campaign Campaign)> LoadAsync(
        IApplicationDbContext db, Guid applicationId, WorkflowActor actor, bool track, CancellationToken cancellationToken) =>
        LoadAsync(track ? db.TitleApplications : db.TitleApplications.AsNoTracking(), db, applicationId, actor, cancellationToken);

    /// <summary>
    /// The application with its whole dossier, tracked: the one way the dossier is loaded, to be
    /// changed or read whole. Whole, because a dossier loaded in part could not check its own rules.
    /// </summary>
    public static async Task<(TitleApplication Application, WorkflowInstance Instance, Campaign Campaign)> LoadDossierAsync(
        IApplicationDbContext db, Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db.TitleApplications, db, applicationId, actor, cancellationToken);

        // One query per part, which the context puts into the root's collections as it tracks
        // them: including all four in one query would multiply their rows by each other.
        await db.DossierItems.Where(i => i.ApplicationId == applicationId).LoadAsync(cancellationToken);
        await db.DossierAttachments.Where(a => a.ApplicationId == applicationId).LoadAsync(cancellationToken);
        await db.DossierVerifications.Where(v => v.ApplicationId == applicationId).LoadAsync(cancellationToken);
        await db.SectionReturns.Where(r => r.ApplicationId == applicationId).LoadAsync(cancellationToken);
        return loaded;
    }

    /// <summary>
    /// The application alone, without its dossier, and its instance, read in one command and not
    /// tracked: for a query that shows the dossier and reads its parts itself (issue 12).
    /// </summary>
    /// <param name="assignedToExpert">The reader is an expert whose assignment to the case was already checked.</param>
    public static async Task<(TitleApplication Application, WorkflowInstance Instance, Campaign Campaign)> ReadAsync(
        IApplicationDbContext db, Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken, bool assignedToExpert = false)
    {
        var found = await (
                from application in db.TitleApplications.AsNoTracking()
                where application.Id == applicationId
                join instance in db.WorkflowInstances.Where(i => i.SubjectType == ApplicationWorkflow.SubjectType)
                    on application.Id equals instance.SubjectId
                select new { Application = application, Instance = instance })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !(assignedToExpert || WorkflowAccess.CanSee(found.Instance, actor)))
        {
            throw new NotFoundException("该申报材料");
        }

        return (found.Application, found.Instance, await CampaignAsync(db, found.Application.CampaignId, cancellationToken));
    }

    private static async Task<(TitleApplication Application, WorkflowInstance Instance, Campaign Campaign)> LoadAsync(
        IQueryable<TitleApplication> applications, IApplicationDbContext db, Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var application = await applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        var instance = application is null
            ? null
            : await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.SubjectType == ApplicationWorkflow.SubjectType && i.SubjectId == application.Id, cancellationToken);
        if (application is null || instance is null || !WorkflowAccess.CanSee(instance, actor))
        {
            throw new NotFoundException("该申报材料");
        }

        return (application, instance, await CampaignAsync(db, application.CampaignId, cancellationToken));
    }

    private static Task<Campaign> CampaignAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.Include(c => c.Stages).Include(c => c.Rules).AsNoTracking().SingleAsync(c => c.Id == campaignId, cancellationToken);

    /// <summary>Null when the owner may edit now; otherwise why not (Chinese).</summary>
    public static string? WhyNotEditable(IWorkflowDefinitions definitions, TitleApplication application, WorkflowInstance instance, Campaign campaign, WorkflowActor actor, DateTimeOffset now)
    {
        if (application.ApplicantUserId != actor.Id || !actor.Roles.Contains(Roles.Applicant))
        {
            return "只有申报人本人可以修改申报材料。";
        }

        if (!definitions.Has(instance, StateCapabilities.ApplicantMayEdit))
        {
            return definitions.Has(instance, StateCapabilities.AwaitingUnitReview) ? "材料已提交，正在等待单位审核，不能修改；如需修改，请联系本单位审核人退回。"
                : definitions.Has(instance, StateCapabilities.DocumentsPrintable) ? "材料已通过单位审核，不能再修改。"
                : $"材料当前状态为“{definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State)}”，不能再修改。";
        }

        var window = WindowOpenGuard.Evaluate(campaign.Stage(StageKeys.Filing), now, instance.ReopenedUntil);
        return window.Passed ? null : window.Reason;
    }

    public static void EnsureEditable(IWorkflowDefinitions definitions, TitleApplication application, WorkflowInstance instance, Campaign campaign, WorkflowActor actor, DateTimeOffset now, Guid? expectedToken)
    {
        if (WhyNotEditable(definitions, application, instance, campaign, actor, now) is { } reason)
        {
            throw application.ApplicantUserId == actor.Id ? new DomainException(reason) : new ForbiddenAccessException(reason);
        }

        EnsureCurrent(application, expectedToken);
    }

    public static void EnsureCurrent(TitleApplication application, Guid? expectedToken)
    {
        if (expectedToken is { } token && token != application.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException("申报材料刚刚已有变动（例如审核人已退回或审核），您这次的修改未保存；您填写的内容仍保留在页面上，请刷新核对后再保存。");
        }
    }

    public static async Task SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("申报材料刚刚已有变动，您这次的修改未保存；您填写的内容仍保留在页面上，请刷新核对后再保存。", ex);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>The auditor ticks (or unticks) one mandatory item as checked against the original.</summary>
public sealed record VerifyItem(Guid ApplicationId, string ItemKey, bool Verified, WorkflowActor Actor);

/// <summary>The auditor returns the dossier with a reason per section; at least one reason.</summary>
public sealed record ReturnDossier(Guid ApplicationId, IReadOnlyDictionary<DossierSection, string?> Reasons, Guid? ExpectedToken, WorkflowActor Actor);

internal sealed class VerifyItemHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock) : IHandler<VerifyItem, Guid>
{
    public async Task<Guid> HandleAsync(VerifyItem request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadDossierAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        var now = clock.GetUtcNow();
        ReviewRules.EnsureAuditorMayReview(definitions, instance, campaign, request.Actor, now);
        new Validation().Check("itemKey", new OnlyMandatoryItemsAreVerifiedRule(request.ItemKey, application.MandatoryItems())).ThrowIfInvalid();

        if (request.Verified)
        {
            application.VerifyItem(request.ItemKey, request.Actor.Name, await ScansOpenedByAsync(request.Actor, application.ScansOf(request.ItemKey), cancellationToken), now);
        }
        else
        {
            application.UnverifyItem(request.ItemKey);
        }

        await DossierAccess.SaveAsync(db, cancellationToken);
        return application.ConcurrencyToken;
    }

    /// <summary>The server's record of which of these scans the auditor opened (a log of reads, kept outside the dossier).</summary>
    private async Task<IReadOnlyCollection<Guid>> ScansOpenedByAsync(WorkflowActor auditor, IReadOnlyList<Guid> scans, CancellationToken cancellationToken) =>
        await db.AttachmentOpenings.AsNoTracking()
            .Where(o => o.UserId == auditor.Id && scans.Contains(o.AttachmentId))
            .Select(o => o.AttachmentId)
            .Distinct()
            .ToListAsync(cancellationToken);
}

internal sealed class ReturnDossierHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<ReturnDossier, FireResult>
{
    public async Task<FireResult> HandleAsync(ReturnDossier request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadDossierAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        var now = clock.GetUtcNow();
        ReviewRules.EnsureAuditorMayReview(definitions, instance, campaign, request.Actor, now);
        DossierAccess.EnsureCurrent(application, request.ExpectedToken);

        var reasons = SectionReturn.ReasonsGiven(request.Reasons);
        var v = new Validation().Check("reasons", new AtLeastOneReasonToReturnRule(reasons));
        foreach (var (section, reason) in reasons)
        {
            v.Check($"reasons.{DossierSections.Slug(section)}", new ReturnReasonLengthRule(section, reason));
        }

        v.ThrowIfInvalid();

        application.ReturnSections(request.Reasons, request.Actor.Name, now);
        var summary = string.Join("；", reasons.OrderBy(r => r.Key).Select(r => $"【{DossierSections.DisplayName(r.Key)}】{r.Value}"));

        // The applicant finds it in their notification centre (ADR 56), saved with the return.
        db.AccountNotifications.Add(Domain.Notifications.AccountNotification.Create(
            application.ApplicantUserId,
            "申报材料被退回修改",
            $"单位审核人{request.Actor.Name}退回了您的申报材料，请按意见修改后重新提交：{summary}",
            $"/Applicant/Dossier/{application.Id}",
            now));
        return await engine.PerformAsync(
            new PerformRequest(instance.Id, WorkflowOperations.ReturnDossier, request.Actor, summary) { Facts = DossierFacts.Of(application, campaign) },
            cancellationToken);
    }
}

internal static class ReviewRules
{
    public static void EnsureAuditorMayReview(IWorkflowDefinitions definitions, WorkflowInstance instance, Campaign campaign, WorkflowActor actor, DateTimeOffset now)
    {
        if (!actor.Roles.Contains(Roles.Auditor))
        {
            throw new ForbiddenAccessException("只有本单位审核人可以审核申报材料。");
        }

        if (!definitions.Has(instance, StateCapabilities.AwaitingUnitReview))
        {
            throw new DomainException("该材料当前不在待审核状态，不能核验或退回。");
        }

        var window = WindowOpenGuard.Evaluate(campaign.Stage(StageKeys.Filing), now, instance.ReopenedUntil);
        if (!window.Passed)
        {
            throw new DomainException(window.Reason!);
        }
    }
}

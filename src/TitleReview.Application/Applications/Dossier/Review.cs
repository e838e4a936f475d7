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
        var (application, instance, campaign) = await DossierAccess.LoadAsync(db, request.ApplicationId, request.Actor, track: true, cancellationToken);
        var now = clock.GetUtcNow();
        ReviewRules.EnsureAuditorMayReview(definitions, instance, campaign, request.Actor, now);

        var items = await db.DossierItems.AsNoTracking().Where(i => i.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var mandatory = DossierCheck.MandatoryItems(items).FirstOrDefault(m => m.Key == request.ItemKey);
        if (mandatory.Key is null)
        {
            throw new ValidationException("itemKey", "该项目不在必须校验的清单中。");
        }

        var existing = await db.DossierVerifications.FirstOrDefaultAsync(v => v.ApplicationId == application.Id && v.ItemKey == request.ItemKey, cancellationToken);
        if (request.Verified && existing is null)
        {
            await EnsureScansOpenedAsync(application.Id, request.ItemKey, mandatory.Description, request.Actor, cancellationToken);
            db.DossierVerifications.Add(new DossierVerification { ApplicationId = application.Id, ItemKey = request.ItemKey, VerifiedBy = request.Actor.Name, VerifiedAt = now });
        }
        else if (!request.Verified && existing is not null)
        {
            db.DossierVerifications.Remove(existing);
        }

        await DossierAccess.SaveAsync(db, cancellationToken);
        return application.ConcurrencyToken;
    }

    private async Task EnsureScansOpenedAsync(Guid applicationId, string itemKey, string description, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var scans = (await db.DossierAttachments.AsNoTracking()
                .Where(a => a.ApplicationId == applicationId)
                .Select(a => new { a.Id, a.SlotKey })
                .ToListAsync(cancellationToken))
            .Where(a => AttachmentSlots.ItemKeyOf(a.SlotKey) == itemKey)
            .Select(a => a.Id)
            .ToList();
        var opened = await db.AttachmentOpenings.AsNoTracking()
            .Where(o => o.UserId == actor.Id && scans.Contains(o.AttachmentId))
            .Select(o => o.AttachmentId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var rule = new ScansOpenedBeforeVerifyingRule(description, scans, opened);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}

internal sealed class ReturnDossierHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<ReturnDossier, FireResult>
{
    public const int MaxReasonLength = 500;

    public async Task<FireResult> HandleAsync(ReturnDossier request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadAsync(db, request.ApplicationId, request.Actor, track: true, cancellationToken);
        var now = clock.GetUtcNow();
        ReviewRules.EnsureAuditorMayReview(definitions, instance, campaign, request.Actor, now);
        DossierAccess.EnsureCurrent(application, request.ExpectedToken);

        var reasons = request.Reasons
            .Where(r => !string.IsNullOrWhiteSpace(r.Value))
            .ToDictionary(r => r.Key, r => r.Value!.Trim());
        var v = new Validation();
        v.Require(reasons.Count > 0, "reasons", "退回时请至少为一个部分填写退回原因。");
        foreach (var (section, reason) in reasons.Where(r => r.Value.Length > MaxReasonLength))
        {
            v.Add($"reasons.{DossierSections.Slug(section)}", $"“{DossierSections.DisplayName(section)}”的退回原因不能超过 {MaxReasonLength} 个字。");
        }

        v.ThrowIfInvalid();

        var round = (await db.SectionReturns.Where(r => r.ApplicationId == application.Id).MaxAsync(r => (int?)r.Round, cancellationToken) ?? 0) + 1;
        foreach (var (section, reason) in reasons.OrderBy(r => r.Key))
        {
            db.SectionReturns.Add(new SectionReturn { ApplicationId = application.Id, Round = round, Section = section, Reason = reason, ReturnedAt = now, ReturnedBy = request.Actor.Name });
        }

        application.Touch();
        var summary = string.Join("；", reasons.OrderBy(r => r.Key).Select(r => $"【{DossierSections.DisplayName(r.Key)}】{r.Value}"));
        return await engine.PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.ReturnDossier, request.Actor, summary), cancellationToken);
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

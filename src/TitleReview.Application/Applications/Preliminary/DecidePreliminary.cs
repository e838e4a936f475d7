using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Applications.Preliminary;

/// <summary>The office passes a dossier whose paper it has checked in (初审通过); the note is an optional remark.</summary>
/// <param name="ExpectedToken">The case's concurrency token as the desk showed it: two reviewers do not decide the same dossier unawares.</param>
public sealed record PassPreliminary(Guid ApplicationId, string? Note, Guid? ExpectedToken, WorkflowActor Actor);

/// <summary>The office fails a dossier, with reasons from its list and/or a note of its own (初审不通过).</summary>
public sealed record FailPreliminary(Guid ApplicationId, IReadOnlyList<Guid> ReasonIds, string? Note, Guid? ExpectedToken, WorkflowActor Actor);

/// <summary>
/// Before the results are published, the office turns a conclusion round (to <paramref name="Outcome"/>)
/// and says why; a change to a failure gives its reasons as a failure does.
/// </summary>
public sealed record ChangePreliminaryDecision(Guid ApplicationId, PreliminaryOutcome Outcome, IReadOnlyList<Guid> ReasonIds, string? Note, string? ChangeReason, Guid? ExpectedToken, WorkflowActor Actor);

public sealed record PreliminaryDecided(Guid DecisionId, string ApplicantName, PreliminaryOutcome Outcome, string Summary);

internal sealed class PassPreliminaryHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<PassPreliminary, PreliminaryDecided>
{
    public async Task<PreliminaryDecided> HandleAsync(PassPreliminary request, CancellationToken cancellationToken = default)
    {
        var desk = new PreliminaryDesk(db, definitions, clock);
        desk.Validate(PreliminaryOutcome.Passed, [], request.Note, changeReason: null, isChange: false);
        var found = await desk.LoadUndecidedAsync(request.ApplicationId, request.Actor, cancellationToken);
        var decision = PreliminaryDecision.Decide(found.Application.Id, found.Application.CampaignId, PreliminaryOutcome.Passed, [], request.Note, clock.GetUtcNow(), request.Actor.Id, request.Actor.Name);
        db.PreliminaryDecisions.Add(decision);
        await engine.PerformAsync(new PerformRequest(found.Instance.Id, WorkflowOperations.PassPreliminary, request.Actor, decision.Note, ExpectedToken: request.ExpectedToken), cancellationToken);
        return new PreliminaryDecided(decision.Id, found.Application.ApplicantName, decision.Outcome, decision.Summary);
    }
}

internal sealed class FailPreliminaryHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<FailPreliminary, PreliminaryDecided>
{
    public async Task<PreliminaryDecided> HandleAsync(FailPreliminary request, CancellationToken cancellationToken = default)
    {
        var desk = new PreliminaryDesk(db, definitions, clock);
        desk.Validate(PreliminaryOutcome.Failed, request.ReasonIds, request.Note, changeReason: null, isChange: false);
        var reasons = await desk.ReasonsAsync(request.ReasonIds, cancellationToken);
        var found = await desk.LoadUndecidedAsync(request.ApplicationId, request.Actor, cancellationToken);
        var decision = PreliminaryDecision.Decide(found.Application.Id, found.Application.CampaignId, PreliminaryOutcome.Failed, reasons, request.Note, clock.GetUtcNow(), request.Actor.Id, request.Actor.Name);
        db.PreliminaryDecisions.Add(decision);
        await engine.PerformAsync(new PerformRequest(found.Instance.Id, WorkflowOperations.FailPreliminary, request.Actor, decision.Summary, ExpectedToken: request.ExpectedToken), cancellationToken);
        return new PreliminaryDecided(decision.Id, found.Application.ApplicantName, decision.Outcome, decision.Summary);
    }
}

internal sealed class ChangePreliminaryDecisionHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<ChangePreliminaryDecision, PreliminaryDecided>
{
    public async Task<PreliminaryDecided> HandleAsync(ChangePreliminaryDecision request, CancellationToken cancellationToken = default)
    {
        var desk = new PreliminaryDesk(db, definitions, clock);
        desk.Validate(request.Outcome, request.ReasonIds, request.Note, request.ChangeReason, isChange: true);
        var reasons = request.Outcome == PreliminaryOutcome.Failed ? await desk.ReasonsAsync(request.ReasonIds, cancellationToken) : [];
        var found = await desk.LoadDecidedAsync(request.ApplicationId, request.Actor, cancellationToken);
        var current = await db.PreliminaryDecisions
            .FirstOrDefaultAsync(d => d.ApplicationId == found.Application.Id && d.SupersededAt == null, cancellationToken)
            ?? throw new DomainException($"未找到{found.Application.ApplicantName}的初审结论记录，不能改变结论。");
        var next = current.ChangeTo(request.Outcome, reasons, request.Note, request.ChangeReason, published: false, clock.GetUtcNow(), request.Actor.Id, request.Actor.Name);
        db.PreliminaryDecisions.Add(next);
        var journal = next.Outcome == PreliminaryOutcome.Failed
            ? $"改为初审不通过：{next.Summary}（改变原因：{next.ChangeReason}）"
            : $"改为初审通过（改变原因：{next.ChangeReason}）";
        await engine.PerformAsync(new PerformRequest(found.Instance.Id, WorkflowOperations.ChangePreliminaryDecision, request.Actor, journal, ExpectedToken: request.ExpectedToken), cancellationToken);
        return new PreliminaryDecided(next.Id, found.Application.ApplicantName, next.Outcome, next.Summary);
    }
}

/// <summary>What the three decisions check alike: the office, the input, the case's meaning, the window.</summary>
internal sealed class PreliminaryDesk(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock)
{
    public sealed record Found(TitleApplication Application, WorkflowInstance Instance);

    /// <summary>Field messages for the form, before anything is read: the same rules the decision then keeps.</summary>
    public void Validate(PreliminaryOutcome outcome, IReadOnlyList<Guid> reasonIds, string? note, string? changeReason, bool isChange)
    {
        var v = new Validation();
        v.Require(Enum.IsDefined(outcome), "outcome", "请选择初审结论。");
        v.Check("reasonIds", new AFailureGivesAReasonRule(outcome, reasonIds.Count, note));
        v.Check("reasonIds", new APassGivesNoFailureReasonRule(outcome, reasonIds.Count));
        v.Check("note", new DecisionNoteLengthRule(note));
        if (isChange)
        {
            v.Check("changeReason", new AChangeStatesWhyRule(changeReason));
        }

        v.ThrowIfInvalid();
    }

    /// <summary>The listed reasons ticked, in the list's order; an unknown or deactivated one is a field message.</summary>
    public async Task<IReadOnlyList<FailureReason>> ReasonsAsync(IReadOnlyList<Guid> reasonIds, CancellationToken cancellationToken)
    {
        var ids = reasonIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var reasons = await db.FailureReasons.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var v = new Validation();
        v.Require(reasons.Count == ids.Count, "reasonIds", "所选不通过原因不存在，请刷新页面后重新选择。");
        v.ThrowIfInvalid();
        v.Check("reasonIds", new OnlyActiveReasonsAreGivenRule(reasons));
        v.ThrowIfInvalid();
        return [.. reasons.OrderBy(r => r.Order)];
    }

    /// <summary>A dossier whose paper the office checked in and which has no conclusion yet.</summary>
    public async Task<Found> LoadUndecidedAsync(Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var (found, campaign) = await LoadAsync(applicationId, actor, cancellationToken);
        if (!Means(found, StateCapabilities.PaperCheckedIn))
        {
            throw new DomainException(Means(found, StateCapabilities.PreliminaryDecided)
                ? $"{found.Application.ApplicantName}已有初审结论；如需改变，请使用“改变结论”并填写改变原因。"
                : Means(found, StateCapabilities.PreliminaryPublished)
                    ? new ADecisionChangesOnlyBeforePublicationRule(published: true).Message
                    : $"{found.Application.ApplicantName}的材料当前为“{StateName(found)}”，不在待初审状态，不能作出初审结论。");
        }

        EnsureWindowOpen(found, campaign);
        return found;
    }

    /// <summary>A dossier with a conclusion the public has not yet read.</summary>
    public async Task<Found> LoadDecidedAsync(Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var (found, campaign) = await LoadAsync(applicationId, actor, cancellationToken);
        if (Means(found, StateCapabilities.PreliminaryPublished))
        {
            throw new BusinessRuleViolationException(new ADecisionChangesOnlyBeforePublicationRule(published: true));
        }

        if (!Means(found, StateCapabilities.PreliminaryDecided))
        {
            throw new DomainException(Means(found, StateCapabilities.PaperCheckedIn)
                ? $"{found.Application.ApplicantName}尚无初审结论，请直接作出“通过”或“不通过”的结论。"
                : $"{found.Application.ApplicantName}的材料当前为“{StateName(found)}”，不能改变初审结论。");
        }

        EnsureWindowOpen(found, campaign);
        return found;
    }

    private async Task<(Found Found, Campaign Campaign)> LoadAsync(Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        PreliminaryAccess.RequireOffice(actor);
        var (application, instance, campaign) = await DossierAccess.LoadAsync(db, applicationId, actor, track: false, cancellationToken);
        return (new Found(application, instance), campaign);
    }

    /// <summary>The engine's guard says the same; checked first so the reviewer reads the window's own dates.</summary>
    private void EnsureWindowOpen(Found found, Campaign campaign)
    {
        var window = WindowOpenGuard.Evaluate(campaign.Stage(StageKeys.PreliminaryReview), clock.GetUtcNow(), found.Instance.ReopenedUntil);
        if (!window.Passed)
        {
            throw new DomainException($"初审不在办理期间：{window.Reason}");
        }
    }

    private bool Means(Found found, string capability) => definitions.Has(found.Instance, capability);

    private string StateName(Found found) =>
        definitions.Get(found.Instance.DefinitionId, found.Instance.DefinitionVersion).StateDisplayName(found.Instance.State);
}

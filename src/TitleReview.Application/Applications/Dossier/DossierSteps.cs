using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>The applicant submits the dossier to the unit's auditor (the definition's guards check completeness and the window).</summary>
public sealed record SubmitDossier(Guid ApplicationId, WorkflowActor Actor, Guid? ExpectedToken = null);

/// <summary>The unit's auditor approves a dossier whose mandatory items are all verified.</summary>
public sealed record ApproveDossier(Guid ApplicationId, WorkflowActor Actor, Guid? ExpectedToken = null);

internal sealed class SubmitDossierHandler(IApplicationDbContext db, IWorkflowEngine engine) : IHandler<SubmitDossier, FireResult>
{
    public async Task<FireResult> HandleAsync(SubmitDossier request, CancellationToken cancellationToken = default)
    {
        var (_, instance, campaign) = await DossierAccess.LoadAsync(db, request.ApplicationId, request.Actor, track: false, cancellationToken);

        // The engine reuses the campaign loaded here and reads the dossier's facts itself: this handler has no use for the dossier's rows.
        return await engine.PerformAsync(
            new PerformRequest(instance.Id, WorkflowOperations.SubmitDossier, request.Actor, ExpectedToken: request.ExpectedToken) { Facts = new WorkflowFacts(campaign) },
            cancellationToken);
    }
}

internal sealed class ApproveDossierHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<ApproveDossier, FireResult>
{
    public async Task<FireResult> HandleAsync(ApproveDossier request, CancellationToken cancellationToken = default)
    {
        var (_, instance, campaign) = await DossierAccess.LoadAsync(db, request.ApplicationId, request.Actor, track: false, cancellationToken);
        ReviewRules.EnsureAuditorMayReview(definitions, instance, campaign, request.Actor, clock.GetUtcNow());
        return await engine.PerformAsync(
            new PerformRequest(instance.Id, WorkflowOperations.ApproveDossier, request.Actor, ExpectedToken: request.ExpectedToken) { Facts = new WorkflowFacts(campaign) },
            cancellationToken);
    }
}

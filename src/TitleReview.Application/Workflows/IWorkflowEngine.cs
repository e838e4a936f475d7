using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows;

public sealed record FireRequest(
    Guid InstanceId,
    string Trigger,
    WorkflowActor Actor,
    string? Reason = null,
    DateTimeOffset? Until = null,
    Guid? ExpectedToken = null);

public sealed record FireResult(Guid InstanceId, string FromState, string ToState, Guid ConcurrencyToken);

public sealed record PermittedTrigger(string Trigger, string DisplayName, bool RequiresReason, bool RequiresUntil);

/// <summary>
/// Runs workflow instances: starts them on the latest definition version and fires their
/// triggers, checking roles and guards against the clock at the moment of the request.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>
    /// Adds a new instance in its initial state, with its journal row and timers, to the
    /// unit of work; the caller saves it together with the subject.
    /// </summary>
    Task<WorkflowInstance> StartAsync(string definitionId, WorkflowSubject subject, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fires a trigger and saves: state, journal row and timers in one transaction, under the
    /// instance's concurrency token. Other changes already in the unit of work go with it.
    /// </summary>
    Task<FireResult> FireAsync(FireRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets one of the instance's marks (declared in its definition) to an instant, and saves
    /// like <see cref="FireAsync"/>: the mark, a journal note, and its timers — pending ones
    /// re-targeted, ones of the current state that waited for the mark planned — in one
    /// transaction, with other changes already in the unit of work.
    /// </summary>
    Task SetMarkAsync(Guid instanceId, string mark, DateTimeOffset at, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>The triggers this actor may fire on the instance now.</summary>
    Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default);
}

using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Workflows;

public sealed record FireRequest(
    Guid InstanceId,
    string Trigger,
    WorkflowActor Actor,
    string? Reason = null,
    DateTimeOffset? Until = null,
    Guid? ExpectedToken = null);

/// <summary>A use case fires the transition its operation stands for from the instance's current state.</summary>
public sealed record PerformRequest(
    Guid InstanceId,
    string Operation,
    WorkflowActor Actor,
    string? Reason = null,
    DateTimeOffset? Until = null,
    Guid? ExpectedToken = null)
{
    /// <summary>
    /// The campaign and subject facts, when the use case has just loaded the subject whole: the
    /// engine decides on them instead of reading the subject again (issue 12).
    /// </summary>
    public WorkflowFacts? Facts { get; init; }
}

public sealed record FireResult(Guid InstanceId, string FromState, string ToState, Guid ConcurrencyToken);

/// <param name="Operation">The use case that owns the transition; null when the generic fire may run it.</param>
public sealed record PermittedTrigger(string Trigger, string DisplayName, bool RequiresReason, bool RequiresUntil, string? Operation = null)
{
    /// <summary>Whether the monitor's generic fire (and the API, and bulk actions) may run it.</summary>
    public bool IsGeneric => Operation is null;
}

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
    /// Fires a trigger and saves: state, journal row, actions and timers in one transaction, under
    /// the instance's concurrency token. Other changes already in the unit of work go with it.
    /// Refuses a transition that belongs to a use case (an operation): that one has one path.
    /// </summary>
    Task<FireResult> FireAsync(FireRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fires the transition a use case's operation stands for (<see cref="Domain.Workflows.WorkflowOperations"/>)
    /// and saves, as <see cref="FireAsync"/> does. Only the use case that owns the operation calls this.
    /// </summary>
    Task<FireResult> PerformAsync(PerformRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets one of the instance's marks (declared in its definition) to an instant, and saves
    /// like <see cref="FireAsync"/>: the mark, a journal note, and its timers — pending ones
    /// re-targeted, ones of the current state that waited for the mark planned — in one
    /// transaction, with other changes already in the unit of work.
    /// </summary>
    Task SetMarkAsync(Guid instanceId, string mark, DateTimeOffset at, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>The triggers this actor may fire on the instance now.</summary>
    Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// The triggers this actor may fire now on an instance the caller has loaded, decided on the
    /// campaign and subject facts the caller has too (the previous state is still read if needed).
    /// </summary>
    Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(WorkflowInstance instance, WorkflowActor actor, WorkflowFacts facts, CancellationToken cancellationToken = default);
}

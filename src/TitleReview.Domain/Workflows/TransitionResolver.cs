using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Domain.Workflows;

/// <summary>
/// Decides a transition without touching anything (ADR 0019): which transition a trigger,
/// operation or timer asks for from the instance's state, whether the actor's roles and the
/// guards allow it at the given instant with the given facts, and which state it leads to.
/// Each guard is checked exactly once per decision. The engine loads the facts before and
/// commits the decision after.
/// </summary>
public static class TransitionResolver
{
    /// <summary>Matches the request and, if a transition matches, decides it.</summary>
    public static TransitionDecision Resolve(
        WorkflowDefinition definition,
        WorkflowInstance instance,
        TransitionRequest request,
        WorkflowActor actor,
        DateTimeOffset now,
        WorkflowFacts facts)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var match = Match(definition, instance.State, request);
        return match.Refusal is { } refusal
            ? new TransitionDecision(match.Transition, ToState: null, Guards: [], refusal)
            : Decide(definition, match.Transition!, instance, actor, now, facts);
    }

    /// <summary>
    /// The transition a request names from a state, before roles and guards: what the engine
    /// needs to know which facts to load. Refused when the name is unknown, leads nowhere from the
    /// state, or belongs to a path other than the request's.
    /// </summary>
    public static TransitionMatch Match(WorkflowDefinition definition, string state, TransitionRequest request)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path == FirePath.Operation)
        {
            return MatchOperation(definition, state, request.Name);
        }

        var transition = definition.Transition(request.Name, state);
        if (transition is null)
        {
            return definition.Transitions.Any(t => t.Trigger == request.Name)
                ? TransitionMatch.Refused(null, RefusalKind.NotFromThisState, NotFromState(definition, state, definition.TriggerDisplayName(request.Name)))
                : TransitionMatch.Refused(null, RefusalKind.UnknownTrigger, $"“{request.Name}”不是该流程的操作。");
        }

        if (transition.Operation is { } operation)
        {
            return TransitionMatch.Refused(
                transition,
                RefusalKind.BelongsToAnOperation,
                $"“{transition.DisplayName}”须在{WorkflowOperations.Places[operation]}办理，不能在此直接执行。");
        }

        if (request.Path == FirePath.Timer && transition.RequiresUntil)
        {
            return TransitionMatch.Refused(transition, RefusalKind.NeedsAnUntil, $"“{transition.DisplayName}”需要特例开放的截止时间，系统时钟不能执行。");
        }

        return new TransitionMatch(transition, Refusal: null);
    }

    /// <summary>
    /// Decides a matched transition: the actor's roles, then every guard once, then the
    /// destination. The reason of a refusal by guards is the first failing guard's.
    /// </summary>
    public static TransitionDecision Decide(
        WorkflowDefinition definition,
        TransitionDefinition transition,
        WorkflowInstance instance,
        WorkflowActor actor,
        DateTimeOffset now,
        WorkflowFacts facts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(facts);
        if (!MayFire(actor, transition))
        {
            return TransitionDecision.Refused(transition, RefusalKind.Role, RoleRefusal(transition));
        }

        var context = new GuardContext(instance, now, facts);
        var guards = transition.Guards.Select(guard => new GuardOutcome(guard, guard.Check(context))).ToList();
        if (guards.FirstOrDefault(g => !g.Result.Passed) is { } failed)
        {
            return TransitionDecision.Refused(transition, RefusalKind.Guard, failed.Result.Reason ?? failed.Guard.DisplayName(definition.Stages), guards);
        }

        var to = transition.To == WorkflowDefinition.PreviousState ? facts.PreviousState : transition.To;
        return to is null
            ? TransitionDecision.Refused(transition, RefusalKind.NoPreviousState, "找不到该流程此前所处的状态，无法退回。", guards)
            : new TransitionDecision(transition, to, guards, Refusal: null);
    }

    /// <summary>The transitions from the instance's state that the actor may fire now, use cases' included.</summary>
    public static IReadOnlyList<TransitionDefinition> Permitted(
        WorkflowDefinition definition,
        WorkflowInstance instance,
        WorkflowActor actor,
        DateTimeOffset now,
        WorkflowFacts facts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        return definition.TransitionsFrom(instance.State)
            .Where(t => Decide(definition, t, instance, actor, now, facts).IsAllowed)
            .ToList();
    }

    /// <summary>Whether the actor holds one of the roles that may fire the transition.</summary>
    public static bool MayFire(WorkflowActor actor, TransitionDefinition transition)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(transition);
        return actor.HasAnyRole(transition.Roles);
    }

    public static string RoleRefusal(TransitionDefinition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return $"您的角色不能执行“{transition.DisplayName}”。";
    }

    private static TransitionMatch MatchOperation(WorkflowDefinition definition, string state, string operation)
    {
        if (definition.TransitionFor(operation, state) is { } transition)
        {
            return new TransitionMatch(transition, Refusal: null);
        }

        return definition.Transitions.FirstOrDefault(t => t.Operation == operation) is { } named
            ? TransitionMatch.Refused(null, RefusalKind.NotFromThisState, NotFromState(definition, state, named.DisplayName))
            : TransitionMatch.Refused(null, RefusalKind.UnknownOperation, $"该流程没有“{operation}”这项办理。");
    }


    private static string NotFromState(WorkflowDefinition definition, string state, string displayName) =>
        $"当前状态为“{definition.StateDisplayName(state)}”，不能执行“{displayName}”。";
}

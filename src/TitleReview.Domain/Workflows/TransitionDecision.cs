using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Domain.Workflows;

/// <summary>Why a transition was refused, which decides how the refusal reaches the person or the office.</summary>
public enum RefusalKind
{
    /// <summary>No transition of the definition has the trigger.</summary>
    UnknownTrigger,

    /// <summary>No transition of the definition stands for the operation (a use case's mistake).</summary>
    UnknownOperation,

    /// <summary>The trigger or operation exists, but not from the instance's state.</summary>
    NotFromThisState,

    /// <summary>The transition belongs to a use case and was named by trigger (ADR 0015, operations).</summary>
    BelongsToAnOperation,

    /// <summary>The transition needs an office exception's end, which a timer cannot give.</summary>
    NeedsAnUntil,

    /// <summary>The actor has none of the transition's roles.</summary>
    Role,

    /// <summary>A guard failed.</summary>
    Guard,

    /// <summary>A transition to <c>@previous</c> on an instance with no earlier state.</summary>
    NoPreviousState,
}

/// <param name="Reason">Chinese, shown to the person or recorded as the timer's incident.</param>
public sealed record TransitionRefusal(RefusalKind Kind, string Reason);

/// <summary>The transition a request names from a state, or why none can be fired, before roles and guards.</summary>
public sealed record TransitionMatch(TransitionDefinition? Transition, TransitionRefusal? Refusal)
{
    public static TransitionMatch Refused(TransitionDefinition? transition, RefusalKind kind, string reason) =>
        new(transition, new TransitionRefusal(kind, reason));
}

/// <summary>A guard of the transition and what it answered.</summary>
public sealed record GuardOutcome(GuardSpec Guard, GuardResult Result);

/// <summary>
/// What <see cref="TransitionResolver"/> decided: the transition asked for (null when none
/// matches), the state it leads to, each guard's answer (in the definition's order; none when
/// the transition was refused before its guards), and the refusal, if any.
/// </summary>
public sealed record TransitionDecision(
    TransitionDefinition? Transition,
    string? ToState,
    IReadOnlyList<GuardOutcome> Guards,
    TransitionRefusal? Refusal)
{
    public bool IsAllowed => Refusal is null;

    public static TransitionDecision Refused(TransitionDefinition? transition, RefusalKind kind, string reason, IReadOnlyList<GuardOutcome>? guards = null) =>
        new(transition, null, guards ?? [], new TransitionRefusal(kind, reason));
}

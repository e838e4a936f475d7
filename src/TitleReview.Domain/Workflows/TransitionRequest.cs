namespace TitleReview.Domain.Workflows;

/// <summary>Who asks for a transition, which decides what they may name and fire.</summary>
public enum FirePath
{
    /// <summary>A person names a trigger: the monitor's generic fire, the API, a bulk action.</summary>
    Trigger,

    /// <summary>A use case names its operation (<see cref="WorkflowOperations"/>).</summary>
    Operation,

    /// <summary>A due timer names its trigger.</summary>
    Timer,
}

/// <param name="Name">The trigger, or for <see cref="FirePath.Operation"/> the operation.</param>
public sealed record TransitionRequest(FirePath Path, string Name)
{
    public static TransitionRequest ByTrigger(string trigger) => new(FirePath.Trigger, trigger);

    public static TransitionRequest ByOperation(string operation) => new(FirePath.Operation, operation);

    public static TransitionRequest ByTimer(string trigger) => new(FirePath.Timer, trigger);
}

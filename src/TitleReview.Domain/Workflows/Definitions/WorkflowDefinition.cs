namespace TitleReview.Domain.Workflows.Definitions;

/// <summary>
/// A workflow definition as read from <c>workflows/definitions/*.json</c>: states, timers and
/// the transitions between them, identified by <see cref="DefinitionId"/> and <see cref="Version"/>.
/// </summary>
public sealed record WorkflowDefinition(
    string DefinitionId,
    int Version,
    string Title,
    string SubjectType,
    string InitialState,
    IReadOnlyList<StateDefinition> States,
    IReadOnlyList<TransitionDefinition> Transitions,
    string Sha256,
    string FileName)
{
    /// <summary>A transition target meaning "back to the state the instance came from".</summary>
    public const string PreviousState = "@previous";

    /// <summary>The named instants an instance of this definition may carry (<c>marks</c>).</summary>
    public IReadOnlyList<MarkDefinition> Marks { get; init; } = [];

    public string Key => $"{DefinitionId}@{Version}";

    public StateDefinition State(string name) =>
        States.SingleOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"{Key} has no state {name}.");

    public bool HasState(string name) => States.Any(s => s.Name == name);

    public IEnumerable<TransitionDefinition> TransitionsFrom(string state) =>
        Transitions.Where(t => t.From.Contains(state));

    public TransitionDefinition? Transition(string trigger, string fromState) =>
        Transitions.FirstOrDefault(t => t.Trigger == trigger && t.From.Contains(fromState));

    public string StateDisplayName(string name) =>
        States.FirstOrDefault(s => s.Name == name)?.DisplayName ?? name;

    public string TriggerDisplayName(string trigger) =>
        Transitions.FirstOrDefault(t => t.Trigger == trigger)?.DisplayName ?? trigger;

    public bool HasMark(string name) => Marks.Any(m => m.Name == name);

    public string MarkDisplayName(string name) =>
        Marks.FirstOrDefault(m => m.Name == name)?.DisplayName ?? name;
}

public sealed record StateDefinition(
    string Name,
    string DisplayName,
    bool Final,
    string? Stage,
    IReadOnlyList<TimerDefinition> Timers);

/// <param name="At">
/// When the timer is due, a <see cref="TimerExpression"/>: <c>close:filing</c>,
/// <c>5wd after open:unitPublicity</c>, <c>7d before mark:defenseAt</c>.
/// </param>
public sealed record TimerDefinition(string Trigger, string At);

/// <summary>A named instant kept on the instance (<see cref="WorkflowMark"/>), with its name for staff.</summary>
public sealed record MarkDefinition(string Name, string DisplayName);

public sealed record TransitionDefinition(
    string Trigger,
    string DisplayName,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Guards,
    bool RequiresReason,
    bool RequiresUntil)
{
    /// <summary>The marks this transition sets to the instant it fires (<c>records</c>).</summary>
    public IReadOnlyList<string> Records { get; init; } = [];
}

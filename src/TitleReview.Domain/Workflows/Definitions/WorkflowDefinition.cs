using TitleReview.Domain.Campaigns;

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

    public string Key => $"{DefinitionId}@{Version}";

    /// <summary>
    /// A campaign definition's stage catalogue: its <c>stages</c>, or, where it declares none
    /// (version 1), its states' <c>stage</c> in order, named as the states are. Empty for other definitions.
    /// </summary>
    public StageCatalogue Stages { get; init; } = StageCatalogue.Empty;

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
}

public sealed record StateDefinition(
    string Name,
    string DisplayName,
    bool Final,
    string? Stage,
    IReadOnlyList<TimerDefinition> Timers);

/// <param name="At">When the timer is due: <c>open:&lt;stage&gt;</c> or <c>close:&lt;stage&gt;</c> of the campaign's timeline.</param>
public sealed record TimerDefinition(string Trigger, string At);

public sealed record TransitionDefinition(
    string Trigger,
    string DisplayName,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Guards,
    bool RequiresReason,
    bool RequiresUntil);

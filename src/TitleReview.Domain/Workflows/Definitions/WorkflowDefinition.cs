using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows.Guards;

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

    public bool HasMark(string name) => Marks.Any(m => m.Name == name);

    public string MarkDisplayName(string name) =>
        Marks.FirstOrDefault(m => m.Name == name)?.DisplayName ?? name;

    /// <summary>How older versions' instances map onto this version (state to state).</summary>
    public IReadOnlyList<DefinitionMigration> MigrateFrom { get; init; } = [];

    /// <summary>Whether a state of this version declares a capability.</summary>
    public bool Has(string state, string capability) =>
        States.FirstOrDefault(s => s.Name == state)?.Capabilities.Contains(capability) ?? false;

    /// <summary>The names of this version's states that declare a capability.</summary>
    public IEnumerable<string> StatesWith(string capability) =>
        States.Where(s => s.Capabilities.Contains(capability)).Select(s => s.Name);

    /// <summary>The transition a use case's operation stands for from a state, if any.</summary>
    public TransitionDefinition? TransitionFor(string operation, string fromState) =>
        Transitions.FirstOrDefault(t => t.Operation == operation && t.From.Contains(fromState));

    /// <summary>The migration this version declares from an older one, if any.</summary>
    public DefinitionMigration? MigrationFrom(int version) => MigrateFrom.FirstOrDefault(m => m.FromVersion == version);

    /// <summary>Whether the version declares any capability, operation or action (else it inherits them).</summary>
    public bool DeclaresMeanings =>
        States.Any(s => s.Capabilities.Count > 0) || Transitions.Any(t => t.Operation is not null || t.Actions.Count > 0);
}

/// <summary>
/// A newer version's map of an older version's states onto its own: every state of the older
/// version has an image (a state not named maps onto the state of the same name).
/// </summary>
public sealed record DefinitionMigration(int FromVersion, IReadOnlyDictionary<string, string> States)
{
    public string Target(string state) => States.TryGetValue(state, out var target) ? target : state;
}

public sealed record StateDefinition(
    string Name,
    string DisplayName,
    bool Final,
    string? Stage,
    IReadOnlyList<TimerDefinition> Timers)
{
    /// <summary>What the state means to the rest of the system (<see cref="StateCapabilities"/>).</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];
}

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
    IReadOnlyList<GuardSpec> Guards,
    bool RequiresReason,
    bool RequiresUntil)
{
    /// <summary>The marks this transition sets to the instant it fires (<c>records</c>).</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <summary>The use case that owns the transition (<see cref="WorkflowOperations"/>); null when it is complete by itself.</summary>
    public string? Operation { get; init; }

    /// <summary>Effects the engine runs in the fire's transaction (<see cref="WorkflowActions"/>).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];
}

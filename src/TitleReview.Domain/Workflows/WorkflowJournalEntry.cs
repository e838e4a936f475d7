namespace TitleReview.Domain.Workflows;

/// <summary>One line of an instance's journal: a transition, or a note such as a timeline edit.</summary>
public sealed class WorkflowJournalEntry
{
    public const int MaxReasonLength = 1000;

    private WorkflowJournalEntry()
    {
        Trigger = string.Empty;
        ToState = string.Empty;
        Actor = string.Empty;
        ActorName = string.Empty;
    }

    public long Id { get; private set; }

    public Guid InstanceId { get; private set; }

    public string? FromState { get; private set; }

    public string Trigger { get; private set; }

    public string ToState { get; private set; }

    /// <summary>The user's id, or <c>system:clock</c>.</summary>
    public string Actor { get; private set; }

    public string ActorName { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static WorkflowJournalEntry Record(Guid instanceId, string? fromState, string trigger, string toState, WorkflowActor actor, string? reason, DateTimeOffset now) => new()
    {
        InstanceId = instanceId,
        FromState = fromState,
        Trigger = trigger,
        ToState = toState,
        Actor = actor.Id,
        ActorName = actor.Name,
        Reason = reason is null ? null : reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength],
        OccurredAt = now,
    };
}

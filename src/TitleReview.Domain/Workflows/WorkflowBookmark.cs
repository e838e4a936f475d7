namespace TitleReview.Domain.Workflows;

/// <summary>
/// A timer: "fire <see cref="Trigger"/> at <see cref="DueAt"/>", created when the instance
/// enters <see cref="State"/> and cancelled when it leaves. <see cref="DueExpression"/>
/// (e.g. <c>close:filing</c>) lets a timeline edit move it.
/// </summary>
public sealed class WorkflowBookmark
{
    private WorkflowBookmark()
    {
        State = string.Empty;
        Trigger = string.Empty;
        DueExpression = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid InstanceId { get; private set; }

    public string State { get; private set; }

    public string Trigger { get; private set; }

    public string DueExpression { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public BookmarkStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the timer left <see cref="BookmarkStatus.Pending"/>: null exactly while it is pending.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public static WorkflowBookmark Create(Guid instanceId, string state, string trigger, string dueExpression, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        State = state,
        Trigger = trigger,
        DueExpression = dueExpression,
        DueAt = dueAt,
        Status = BookmarkStatus.Pending,
        CreatedAt = now,
    };

    public bool IsPending => Status == BookmarkStatus.Pending;

    public void Reschedule(DateTimeOffset dueAt) => DueAt = dueAt;

    public void MarkFired(DateTimeOffset now) => Complete(BookmarkStatus.Fired, now);

    public void Cancel(DateTimeOffset now) => Complete(BookmarkStatus.Cancelled, now);

    public void MarkFaulted(DateTimeOffset now) => Complete(BookmarkStatus.Faulted, now);

    /// <summary>An office retry puts a faulted timer back in the queue.</summary>
    public void Retry()
    {
        Status = BookmarkStatus.Pending;
        CompletedAt = null;
    }

    private void Complete(BookmarkStatus status, DateTimeOffset now)
    {
        Status = status;
        CompletedAt = now;
    }
}

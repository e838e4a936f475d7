namespace TitleReview.Domain.Workflows;

/// <summary>A timer that could not fire, kept until staff retry it successfully.</summary>
public sealed class WorkflowIncident
{
    public const int MaxMessageLength = 2000;

    private WorkflowIncident()
    {
        Trigger = string.Empty;
        Message = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid InstanceId { get; private set; }

    public Guid? BookmarkId { get; private set; }

    public string Trigger { get; private set; }

    public string Message { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    public static WorkflowIncident Open(Guid instanceId, Guid? bookmarkId, string trigger, string message, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        BookmarkId = bookmarkId,
        Trigger = trigger,
        Message = message.Length <= MaxMessageLength ? message : message[..MaxMessageLength],
        OccurredAt = now,
        Attempts = 1,
    };

    public void RetryFailed(string message, DateTimeOffset now)
    {
        Attempts++;
        Message = message.Length <= MaxMessageLength ? message : message[..MaxMessageLength];
        OccurredAt = now;
    }

    public void Resolve(string by, DateTimeOffset now)
    {
        Attempts++;
        ResolvedAt = now;
        ResolvedBy = by;
    }
}

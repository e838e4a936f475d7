namespace TitleReview.Domain.Workflows;

/// <summary>
/// A named instant kept on an instance (ADR 15), e.g. when its publicity started or when its
/// defense is scheduled. Timers may count from it (<c>7d before mark:defenseAt</c>); moving it
/// moves them.
/// </summary>
public sealed class WorkflowMark
{
    public const int MaxNameLength = 64;

    private WorkflowMark()
    {
        Name = string.Empty;
    }

    public Guid InstanceId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The instant the mark stands for.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>When it was last set.</summary>
    public DateTimeOffset SetAt { get; private set; }

    public static WorkflowMark Set(Guid instanceId, string name, DateTimeOffset at, DateTimeOffset now) => new()
    {
        InstanceId = instanceId,
        Name = name,
        At = at,
        SetAt = now,
    };

    public void MoveTo(DateTimeOffset at, DateTimeOffset now)
    {
        At = at;
        SetAt = now;
    }
}

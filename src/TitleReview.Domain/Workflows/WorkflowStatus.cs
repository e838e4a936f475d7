namespace TitleReview.Domain.Workflows;

public enum WorkflowStatus
{
    Running,
    Finished,
}

public enum WorkflowSubStatus
{
    /// <summary>Running, waiting for a person or a timer.</summary>
    Waiting,

    /// <summary>Running, with an unresolved incident (a timer that could not fire).</summary>
    Faulted,

    /// <summary>Finished by reaching a final state.</summary>
    Completed,

    /// <summary>Finished because it was cancelled.</summary>
    Cancelled,
}

public enum BookmarkStatus
{
    Pending,
    Fired,
    Cancelled,
    Faulted,
}

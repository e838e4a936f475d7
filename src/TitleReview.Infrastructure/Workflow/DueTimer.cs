namespace TitleReview.Infrastructure.Workflow;

/// <summary>A timer the clock found due, and the instance it belongs to.</summary>
internal sealed record DueTimer(Guid BookmarkId, Guid InstanceId);

/// <summary>The office retrying the incident behind a timer, by name.</summary>
internal sealed record TimerRetry(Guid IncidentId, string StaffName);

internal enum TimerOutcome
{
    Fired,

    /// <summary>Refused or failed: the timer is faulted and an incident waits for staff.</summary>
    Faulted,

    /// <summary>Somebody changed the instance at the same moment: the next run looks again.</summary>
    Conflict,

    /// <summary>Fired or cancelled since it was found due: nothing to do.</summary>
    NotPending,
}

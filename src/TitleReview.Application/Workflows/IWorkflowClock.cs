namespace TitleReview.Application.Workflows;

/// <summary>Fires due timers; run every minute by the scheduler, and on demand by staff.</summary>
public interface IWorkflowClock
{
    /// <summary>Fires every timer due now, each in its own transaction. Returns how many fired.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken = default);

    /// <summary>Retries the timer behind an incident now.</summary>
    Task RetryIncidentAsync(Guid incidentId, string staffName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the pending timers that depend on a stage's window after it changed (at its
    /// opening or closing, or counted from them), in the caller's unit of work: the caller
    /// saves them together with the window.
    /// </summary>
    Task<int> RescheduleAsync(Guid campaignId, string stageKey, CancellationToken cancellationToken = default);
}

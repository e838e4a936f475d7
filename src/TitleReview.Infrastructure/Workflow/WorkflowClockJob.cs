using Hangfire;
using TitleReview.Application.Workflows;
using TitleReview.Infrastructure.Operations;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// The one recurring Hangfire job: every minute, fire what is due (decisions.md D1). Each finished
/// run leaves its heartbeat in the job storage and counts into the metrics (ADR 0061).
/// </summary>
public sealed class WorkflowClockJob(IWorkflowClock clock, ClockHeartbeat heartbeat, TitleReviewMeter meter)
{
    public const string RecurringJobId = "workflow-clock";

    /// <summary>Configuration key: false stops scheduling the clock (the health check then reports Degraded).</summary>
    public const string EnabledKey = "Workflow:ClockEnabled";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var fired = await clock.RunAsync(cancellationToken);
        heartbeat.Record(fired);
        meter.ClockRan(fired);
    }
}

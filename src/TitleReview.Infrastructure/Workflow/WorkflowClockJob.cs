using Hangfire;
using TitleReview.Application.Workflows;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>The one recurring Hangfire job: every minute, fire what is due (decisions.md D1).</summary>
public sealed class WorkflowClockJob(IWorkflowClock clock)
{
    public const string RecurringJobId = "workflow-clock";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => clock.RunAsync(cancellationToken);
}

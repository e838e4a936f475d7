using Hangfire;
using TitleReview.Application.Workflows.BulkOperations;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Fires one batch of the monitor's bulk operations in the background. Retrying is safe (an item
/// is fired at most once, see <see cref="IBulkOperationRunner"/>), so a run that failed half-way
/// is simply run again; overlapping runs of one batch are safe for the same reason.
/// </summary>
public sealed class BulkOperationJob(IBulkOperationRunner runner)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(Guid operationId, CancellationToken cancellationToken) => runner.RunAsync(operationId, cancellationToken);
}

internal sealed class HangfireBulkOperationQueue(IBackgroundJobClient jobs) : IBulkOperationQueue
{
    public void Enqueue(Guid operationId) => jobs.Enqueue<BulkOperationJob>(job => job.RunAsync(operationId, CancellationToken.None));
}

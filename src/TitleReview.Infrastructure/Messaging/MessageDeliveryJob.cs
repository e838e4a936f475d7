using Hangfire;

namespace TitleReview.Infrastructure.Messaging;

/// <summary>
/// The Hangfire job that empties the outbox: every minute as a recurring job (which also picks
/// up retries that fell due), and right after a transaction that queued messages.
/// </summary>
internal sealed class MessageDeliveryJob(OutboxDispatcher dispatcher)
{
    public const string RecurringJobId = "message-delivery";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DeliverDueAsync(cancellationToken);
}

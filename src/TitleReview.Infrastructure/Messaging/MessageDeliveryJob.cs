using Hangfire;

namespace TitleReview.Infrastructure.Messaging;

/// <summary>
/// The Hangfire job that empties the outbox: every minute as a recurring job (which also picks
/// up retries that fell due), and right after a transaction that queued messages. Runs may
/// overlap: the dispatcher claims each message before sending it, so no lock is taken here and
/// a burst of commits never leaves workers waiting on one (the workflow clock shares them).
/// </summary>
internal sealed class MessageDeliveryJob(OutboxDispatcher dispatcher)
{
    public const string RecurringJobId = "message-delivery";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DeliverDueAsync(cancellationToken);
}

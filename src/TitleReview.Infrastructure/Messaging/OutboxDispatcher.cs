using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TitleReview.Domain.Messaging;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Messaging;

/// <summary>
/// Delivers due outbox messages: each is claimed first (a lease in one UPDATE, so two workers
/// or two app instances never send the same message), then sent on its channel's transport and
/// marked delivered, or failed with its next attempt planned by <see cref="DeliveryBackoff"/>.
/// </summary>
internal sealed class OutboxDispatcher
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly AppDbContext _db;
    private readonly IReadOnlyDictionary<MessageChannel, IMessageTransport> _transports;
    private readonly MessagingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(
        AppDbContext db,
        IEnumerable<IMessageTransport> transports,
        IOptions<MessagingOptions> options,
        TimeProvider clock,
        ILogger<OutboxDispatcher> logger)
    {
        _db = db;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _transports = transports.ToDictionary(t => t.Channel);
    }

    /// <summary>Sends what is due now; returns how many messages were handed over.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var due = await _db.OutboundMessages.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(Math.Max(1, _options.BatchSize))
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var id in due)
        {
            if (await TryDeliverAsync(id, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> TryDeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var lockedUntil = now + Lease;
        var claimed = await _db.OutboundMessages
            .Where(m => m.Id == id && m.Status == DeliveryStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var message = await _db.OutboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
        var transport = _transports[message.Channel];
        var sent = false;
        try
        {
            await transport.SendAsync(message, cancellationToken);
            message.MarkDelivered(transport.Name, transport.IsLocal, _clock.GetUtcNow());
            sent = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Delivery of message {MessageId} by {Transport} failed (attempt {Attempt})", message.Id, transport.Name, message.Attempts + 1);
            message.MarkAttemptFailed(transport.Name, ex.Message, _clock.GetUtcNow());
        }

        await _db.SaveChangesAsync(CancellationToken.None);
        _db.ChangeTracker.Clear();
        return sent;
    }
}

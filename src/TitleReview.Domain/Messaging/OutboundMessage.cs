namespace TitleReview.Domain.Messaging;

public enum MessageChannel
{
    Email = 1,
    Sms = 2,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) delivery attempt.</summary>
    Pending = 0,

    /// <summary>Handed to the SMTP server or the SMS gateway, which accepted it.</summary>
    Sent = 1,

    /// <summary>Kept in the local outbox only: no SMTP server or SMS gateway is configured.</summary>
    StoredLocally = 2,

    /// <summary>Every attempt failed; the office can retry it by hand.</summary>
    Failed = 3,
}

/// <summary>
/// One message to one address on one channel, written in the same transaction as the change
/// that caused it and delivered afterwards by a background job (the outbox pattern), with its
/// delivery status, attempts and last error kept for the office to read.
/// </summary>
public sealed class OutboundMessage
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 4000;
    public const int MaxRecipientLength = 128;
    public const int MaxErrorLength = 1000;

    private OutboundMessage()
    {
    }

    public Guid Id { get; private set; }

    public MessageChannel Channel { get; private set; }

    /// <summary>An e-mail address or a mobile number.</summary>
    public string Recipient { get; private set; } = string.Empty;

    public string? RecipientName { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    /// <summary>What the message is for, in Chinese (激活账号, 重置密码, …), for the office's outbox list.</summary>
    public string Purpose { get; private set; } = string.Empty;

    /// <summary>Whether the body carries a secret (a link or code): the office's outbox hides it in the list.</summary>
    public bool ContainsSecret { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Set while one delivery worker holds the message, so two never send it twice.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>How it left: <c>smtp</c>, <c>eml-file</c>, <c>sms-gateway</c>, <c>sms-file</c>.</summary>
    public string? Transport { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// Rule: the office may read a message in its outbox unless it carries a secret (a link or
    /// a code) that really left the system. While the local outbox is the only channel (no SMTP
    /// server or gateway: the embedded default), the office is how the secret reaches anyone.
    /// </summary>
    public bool IsReadableByOffice => !ContainsSecret || Status == DeliveryStatus.StoredLocally;

    public static OutboundMessage Create(
        MessageChannel channel,
        string recipient,
        string? recipientName,
        string subject,
        string body,
        string purpose,
        bool containsSecret,
        DateTimeOffset now) => new()
        {
            Id = Guid.NewGuid(),
            Channel = channel,
            Recipient = recipient.Trim(),
            RecipientName = recipientName?.Trim(),
            Subject = Truncate(subject, MaxSubjectLength),
            Body = Truncate(body, MaxBodyLength),
            Purpose = purpose,
            ContainsSecret = containsSecret,
            CreatedAt = now,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
        };

    public void MarkDelivered(string transport, bool storedLocally, DateTimeOffset now)
    {
        Attempts++;
        Status = storedLocally ? DeliveryStatus.StoredLocally : DeliveryStatus.Sent;
        Transport = transport;
        DeliveredAt = now;
        LockedUntil = null;
        LastError = null;
    }

    /// <summary>A failed attempt: retried later by <see cref="DeliveryBackoff"/>, or given up after the last one.</summary>
    public void MarkAttemptFailed(string transport, string error, DateTimeOffset now)
    {
        Attempts++;
        Transport = transport;
        LastError = Truncate(error, MaxErrorLength);
        LockedUntil = null;
        if (DeliveryBackoff.HasAttemptsLeft(Attempts))
        {
            NextAttemptAt = now + DeliveryBackoff.DelayAfter(Attempts);
        }
        else
        {
            Status = DeliveryStatus.Failed;
        }
    }

    /// <summary>The office sends a failed message again: a fresh round of attempts.</summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Failed)
        {
            throw new Common.DomainException("只有发送失败的消息才能重新发送。");
        }

        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LastError = null;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

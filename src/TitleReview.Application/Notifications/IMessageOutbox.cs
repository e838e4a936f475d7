namespace TitleReview.Application.Notifications;

/// <summary>Where a person can be reached; either may be missing.</summary>
public sealed record MessageRecipient(string? Name, string? Email, string? Mobile);

/// <summary>
/// A message for a person. <paramref name="ContainsSecret"/> marks bodies with an activation
/// link or a code: they travel only to the person's own e-mail and mobile.
/// </summary>
public sealed record OutgoingMessage(string Purpose, string Subject, string Body, bool ContainsSecret = false);

/// <summary>
/// Sends messages out of the system (D7): each is written to the outbox in the caller's unit
/// of work (saved with the caller's changes) and delivered afterwards by a background job, by
/// e-mail through SMTP and by SMS through the configured gateway, retried with back-off.
/// </summary>
public interface IMessageOutbox
{
    /// <summary>
    /// Queues the message on every channel the recipient has. Returns where it goes, masked,
    /// for telling the person (e.g. “手机 138****5678”); empty when the recipient has neither.
    /// </summary>
    IReadOnlyList<string> Enqueue(MessageRecipient to, OutgoingMessage message);
}

/// <summary>Turns a path inside the site into the absolute link a message carries.</summary>
public interface ISiteLinks
{
    string Absolute(string pathAndQuery);
}

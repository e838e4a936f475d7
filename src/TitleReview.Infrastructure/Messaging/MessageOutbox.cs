using Microsoft.Extensions.Options;
using TitleReview.Application.Notifications;
using TitleReview.Domain.Common;
using TitleReview.Domain.Messaging;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Messaging;

/// <summary>Adds outbox rows to the caller's unit of work; <see cref="OutboxDispatcher"/> delivers them.</summary>
internal sealed class MessageOutbox(AppDbContext db, TimeProvider clock) : IMessageOutbox
{
    public IReadOnlyList<string> Enqueue(MessageRecipient to, OutgoingMessage message)
    {
        var now = clock.GetUtcNow();
        var destinations = new List<string>();
        if (EmailAddress.Validate(to.Email) is { IsValid: true } email)
        {
            db.OutboundMessages.Add(OutboundMessage.Create(MessageChannel.Email, email.Normalized, to.Name, message.Subject, message.Body, message.Purpose, message.ContainsSecret, now));
            destinations.Add($"邮箱 {EmailAddress.Mask(email.Normalized)}");
        }

        if (MobileNumber.Validate(to.Mobile) is { IsValid: true } mobile)
        {
            db.OutboundMessages.Add(OutboundMessage.Create(MessageChannel.Sms, mobile.Normalized, to.Name, message.Subject, message.Body, message.Purpose, message.ContainsSecret, now));
            destinations.Add($"手机 {MobileNumber.Mask(mobile.Normalized)}");
        }

        return destinations;
    }
}

internal sealed class SiteLinks(IOptions<MessagingOptions> options) : ISiteLinks
{
    public string Absolute(string pathAndQuery) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}

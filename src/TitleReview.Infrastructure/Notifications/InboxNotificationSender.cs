using TitleReview.Application.Notifications;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Notifications;

/// <summary>
/// Writes notifications to the registration's inbox in the caller's unit of work. No e-mail or
/// SMS server is assumed here; an SMS sender would implement the same interface and use
/// <see cref="Notification.Mobile"/>.
/// </summary>
internal sealed class InboxNotificationSender(AppDbContext db, TimeProvider clock) : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        db.InboxMessages.Add(new InboxMessage
        {
            RegistrationId = notification.RegistrationId,
            Title = notification.Title,
            Body = notification.Body,
            Link = notification.Link,
            CreatedAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

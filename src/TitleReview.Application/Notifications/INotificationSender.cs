namespace TitleReview.Application.Notifications;

public sealed record Notification(Guid RegistrationId, string Title, string Body, string? Link = null, string? Mobile = null);

/// <summary>
/// Tells a unit something. Today it writes to the registration's inbox in the same unit of
/// work (the caller saves); an SMS sender can be added behind this interface later.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken cancellationToken = default);
}

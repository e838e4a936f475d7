namespace TitleReview.Application.Notifications;

/// <summary>
/// A message in a unit registration's inbox, read on the public status page and by the
/// unit's auditor. (No e-mail or SMS server is assumed; see <see cref="INotificationSender"/>.)
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }

    public Guid RegistrationId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>A link inside the site, shown as a button (an activation link, a form to print).</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

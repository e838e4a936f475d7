using TitleReview.Domain.Common;

namespace TitleReview.Domain.Notifications;

/// <summary>
/// 站内通知: one message for one signed-in account (a person), read in their notification centre.
/// Unlike a unit registration's inbox (read on the public status page), it belongs to the account:
/// only its recipient ever reads it or marks it read.
/// </summary>
public sealed class AccountNotification : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 1000;
    public const int MaxLinkLength = 300;
    public const int MaxAccountIdLength = 450;

    private AccountNotification()
    {
        AccountId = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The recipient's account (the identity user's id).</summary>
    public string AccountId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>A path inside the site, where the person acts on it (<c>/Applicant</c>); null when there is nothing to do.</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the recipient first marked it read; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public static AccountNotification Create(string accountId, string title, string body, string? link, DateTimeOffset now)
    {
        CheckRule(new NotificationHasARecipientRule(accountId));
        CheckRule(new NotificationLinkStaysInsideTheSiteRule(link));
        return new AccountNotification
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Title = Truncate(title.Trim(), MaxTitleLength),
            Body = Truncate(body.Trim(), MaxBodyLength),
            Link = link,
            CreatedAt = now,
        };
    }

    /// <summary>Marks it read; reading it again keeps the first time it was read.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>A notification is for one account.</summary>
public sealed class NotificationHasARecipientRule(string? accountId) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(accountId) || accountId.Length > AccountNotification.MaxAccountIdLength;

    public string Message => "通知必须有接收人。";
}

/// <summary>
/// A notification's link leads to a page of this site (a path such as <c>/Applicant</c>), never
/// elsewhere: a link in a trusted place must not send a person to another site.
/// </summary>
public sealed class NotificationLinkStaysInsideTheSiteRule(string? link) : IBusinessRule
{
    public bool IsBroken() =>
        link is not null
        && (link.Length > AccountNotification.MaxLinkLength
            || !link.StartsWith('/')
            || link.StartsWith("//", StringComparison.Ordinal)
            || link.Contains('\\', StringComparison.Ordinal)
            || link.Any(char.IsWhiteSpace));

    public string Message => "通知中的链接只能指向本系统内的页面。";
}

namespace TitleReview.Infrastructure.Messaging;

/// <summary>
/// The <c>Messaging</c> section. Without an SMTP host, e-mails are written as <c>.eml</c>
/// files under the data folder's <c>mail/</c>; without an SMS gateway, text messages are
/// written under <c>sms/</c>. Either way every message is in the office's outbox.
/// </summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The site's address as people reach it, for links in messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();

    public SmsGatewayOptions Sms { get; set; } = new();

    /// <summary>
    /// Whether the delivery job runs by itself (every minute and after each commit that queued
    /// messages). Tests that drive delivery themselves turn it off.
    /// </summary>
    public bool AutoDeliver { get; set; } = true;

    /// <summary>How many due messages one delivery run takes.</summary>
    public int BatchSize { get; set; } = 50;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@titlereview.local";

    public string FromName { get; set; } = "贵州省政工职评办";

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// An HTTP SMS gateway: a JSON POST of <c>{ "mobile", "text", "signature" }</c> to
/// <see cref="Url"/> with the key in a header; any 2xx answer counts as accepted.
/// </summary>
public sealed class SmsGatewayOptions
{
    public string? Url { get; set; }

    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    public string? ApiKey { get; set; }

    /// <summary>The signature carriers require at the front of every text, e.g. 【贵州省政工职评办】.</summary>
    public string Signature { get; set; } = "【贵州省政工职评办】";

    public int TimeoutSeconds { get; set; } = 15;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

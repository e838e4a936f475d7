using System.Globalization;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using TitleReview.Domain.Messaging;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Messaging;

/// <summary>One way out for one channel. Throws when the message was not accepted.</summary>
internal interface IMessageTransport
{
    MessageChannel Channel { get; }

    /// <summary>A short name kept on the message (<c>smtp</c>, <c>eml-file</c>, …).</summary>
    string Name { get; }

    /// <summary>Whether messages only land in the data folder (no server configured).</summary>
    bool IsLocal { get; }

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>E-mail through MailKit to the configured SMTP server.</summary>
internal sealed class SmtpTransport(IOptions<MessagingOptions> options) : IMessageTransport
{
    public MessageChannel Channel => MessageChannel.Email;

    public string Name => "smtp";

    public bool IsLocal => false;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MailMessages.Build(message, smtp), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>E-mail written as an <c>.eml</c> file under the data folder (no SMTP server configured).</summary>
internal sealed class EmlFileTransport(StoragePaths paths, IOptions<MessagingOptions> options) : IMessageTransport
{
    public MessageChannel Channel => MessageChannel.Email;

    public string Name => "eml-file";

    public bool IsLocal => true;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.MailFolder);
        var file = Path.Combine(paths.MailFolder, LocalFileName(message, ".eml"));
        await MailMessages.Build(message, options.Value.Smtp).WriteToAsync(file, cancellationToken);
    }

    internal static string LocalFileName(OutboundMessage message, string extension) =>
        message.CreatedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + message.Id.ToString("N") + extension;
}

/// <summary>SMS through the configured HTTP gateway.</summary>
internal sealed class HttpSmsTransport(HttpClient http, IOptions<MessagingOptions> options) : IMessageTransport
{
    public MessageChannel Channel => MessageChannel.Sms;

    public string Name => "sms-gateway";

    public bool IsLocal => false;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url)
        {
            Content = JsonContent.Create(new { mobile = message.Recipient, text = SmsText(message, sms), signature = sms.Signature }),
        };
        if (!string.IsNullOrEmpty(sms.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(sms.ApiKeyHeader, sms.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(sms.TimeoutSeconds));
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode}: {text}");
        }
    }

    internal static string SmsText(OutboundMessage message, SmsGatewayOptions sms) => $"{sms.Signature}{message.Body}";
}

/// <summary>SMS written as a text file under the data folder (no gateway configured).</summary>
internal sealed class SmsFileTransport(StoragePaths paths, IOptions<MessagingOptions> options) : IMessageTransport
{
    public MessageChannel Channel => MessageChannel.Sms;

    public string Name => "sms-file";

    public bool IsLocal => true;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.SmsFolder);
        var file = Path.Combine(paths.SmsFolder, EmlFileTransport.LocalFileName(message, ".txt"));
        await File.WriteAllTextAsync(file, $"To: {message.Recipient}\n\n{HttpSmsTransport.SmsText(message, options.Value.Sms)}\n", cancellationToken);
    }
}

internal static class MailMessages
{
    public static MimeMessage Build(OutboundMessage message, SmtpOptions smtp)
    {
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },
            MessageId = $"{message.Id:N}@titlereview",
            Date = message.CreatedAt,
        };
        mail.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        mail.To.Add(new MailboxAddress(message.RecipientName ?? string.Empty, message.Recipient));
        return mail;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Units;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Units.ReplaceAuditor;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Domain.Common;
using TitleReview.Domain.Messaging;
using TitleReview.Domain.Units;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Messaging;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Messaging;

/// <summary>
/// Messages leave through real channels: real SMTP to an in-process server (netDumbster) and
/// a real HTTP SMS gateway (an in-process listener); what arrived is read back and used.
/// </summary>
[NonParallelizable]
public sealed class MessageDeliveryTests : WorkflowTestBase
{
    private const string FillerEmail = "filler@example.cn";
    private const string FillerMobile = "13600002222";
    private const string AuditorEmail = "auditor@example.cn";
    private const string AuditorMobile = "13700003333";

    private SimpleSmtpServer _smtp = null!;
    private HttpListener _gateway = null!;
    private int _smtpPort;
    private string _gatewayUrl = string.Empty;
    private readonly ConcurrentQueue<JsonElement> _texts = new();
    private HttpStatusCode _gatewayAnswer = HttpStatusCode.OK;

    protected override bool ConfirmDemoUnits => false;

    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>
    {
        ["Messaging:Smtp:Host"] = "127.0.0.1",
        ["Messaging:Smtp:Port"] = _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:Smtp:Security"] = "None",
        ["Messaging:Sms:Url"] = _gatewayUrl,
        ["Messaging:Sms:ApiKey"] = "test-key",
        ["Messaging:PublicBaseUrl"] = "https://zhicheng.example.cn",
    };

    [OneTimeSetUp]
    public void StartServers()
    {
        _smtpPort = FreePort();
        _smtp = SimpleSmtpServer.Start(_smtpPort);
        var gatewayPort = FreePort();
        _gatewayUrl = $"http://127.0.0.1:{gatewayPort}/sms/";
        _gateway = new HttpListener();
        _gateway.Prefixes.Add(_gatewayUrl);
        _gateway.Start();
        _ = ServeGatewayAsync();
    }

    [OneTimeTearDown]
    public void StopServers()
    {
        _smtp.Dispose();
        _gateway.Close();
    }

    [SetUp]
    public void ClearReceived()
    {
        _smtp.ClearReceivedEmail();
        _texts.Clear();
        _gatewayAnswer = HttpStatusCode.OK;
    }

    [Test]
    public async Task RegisteringApprovingAndReplacing_DeliverTheirMails_WithLinksThatWorkOnceAndExpire()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterAsync();
        await DeliverAsync();

        var receiptMail = MailTo(FillerEmail);
        receiptMail.Subject.Should().Contain(receipt.Number);
        receiptMail.TextBody.Should().Contain(receipt.AccessToken).And.Contain("https://zhicheng.example.cn/Units/Status");
        receiptMail.From.Mailboxes.Single().Name.Should().Be("贵州省政工职评办");
        TextTo(FillerMobile).GetProperty("text").GetString().Should().StartWith("【贵州省政工职评办】").And.Contain(receipt.AccessToken);
        var tokenFromMail = Regex.Match(receiptMail.TextBody!, "[0-9A-Z]{5}(-[0-9A-Z]{5}){3}").Value;
        (await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistrationStatus, RegistrationStatus>>().HandleAsync(new GetRegistrationStatus(tokenFromMail))))
            .Number.Should().Be(receipt.Number);

        _smtp.ClearReceivedEmail();
        await ApproveAsync(receipt);
        await DeliverAsync();
        var activationMail = MailTo(AuditorEmail);
        var link = Regex.Match(activationMail.TextBody!, @"https://zhicheng\.example\.cn/Account/Activate\?token=([A-Za-z0-9_-]+)");
        link.Success.Should().BeTrue(activationMail.TextBody);
        TextTo(AuditorMobile).GetProperty("text").GetString().Should().Contain(link.Value);
        _smtp.ReceivedEmail.Should().NotContain(m => m.ToAddresses.Any(a => a.Address == FillerEmail), "the activation link goes to the auditor only");

        await ActivateAsync(link.Groups[1].Value, "Audit#2023x");
        var again = () => ActivateAsync(link.Groups[1].Value, "Other#2023x");
        await again.Should().ThrowAsync<DomainException>().WithMessage("*已使用过*");

        _smtp.ClearReceivedEmail();
        Clock.SetUtcNow(Beijing(2023, 8, 5, 9, 0, 0));
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<ReplaceAuditor, AuditorAccountIssued>>()
            .HandleAsync(new ReplaceAuditor(receipt.RegistrationId, "孔新", "13700004444", null, null, "kongxin@example.cn", "原审核人调岗", office)));
        await DeliverAsync();
        var replacementLink = Regex.Match(MailTo("kongxin@example.cn").TextBody!, @"token=([A-Za-z0-9_-]+)").Groups[1].Value;

        Clock.Advance(TimeSpan.FromHours(73));
        var expired = () => ActivateAsync(replacementLink, "Audit#2023y");
        await expired.Should().ThrowAsync<DomainException>().WithMessage("激活链接已于*过期*");

        var statuses = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.Select(m => new { m.Status, m.Transport }).ToListAsync());
        statuses.Should().OnlyContain(m => m.Status == DeliveryStatus.Sent && (m.Transport == "smtp" || m.Transport == "sms-gateway"));
    }

    [Test]
    public async Task APasswordReset_DeliversItsCodeByMailAndText_AndTheCodeWorksOnceAndExpires()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        await ApproveAsync(await RegisterAsync());
        await DeliverAsync();
        var activation = Regex.Match(MailTo(AuditorEmail).TextBody!, @"token=([A-Za-z0-9_-]+)").Groups[1].Value;
        await ActivateAsync(activation, "Audit#2023x");
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByNameAsync(AuditorMobile);
            await users.SetEmailAsync(user!, AuditorEmail);
        });

        _smtp.ClearReceivedEmail();
        _texts.Clear();
        await RequestResetAsync();
        await DeliverAsync();
        var code = Regex.Match(MailTo(AuditorEmail).TextBody!, @"\b(\d{6})\b").Groups[1].Value;
        code.Should().NotBeEmpty();
        TextTo(AuditorMobile).GetProperty("text").GetString().Should().Contain(code);

        await ResetAsync(code, "Reset#2023x");
        var again = () => ResetAsync(code, "Again#2023x");
        (await again.Should().ThrowAsync<TitleReview.Application.Common.Exceptions.ValidationException>()).Which.Errors.Values.SelectMany(v => v).Should().Contain(PasswordReset.WrongCodeMessage);

        _smtp.ClearReceivedEmail();
        Clock.Advance(TimeSpan.FromHours(2));
        await RequestResetAsync();
        await DeliverAsync();
        var late = Regex.Match(MailTo(AuditorEmail).TextBody!, @"\b(\d{6})\b").Groups[1].Value;
        Clock.Advance(TimeSpan.FromMinutes(16));
        var expired = () => ResetAsync(late, "Late#2023x");
        (await expired.Should().ThrowAsync<TitleReview.Application.Common.Exceptions.ValidationException>()).Which.Errors.Values.SelectMany(v => v).Should().Contain(PasswordReset.WrongCodeMessage);
    }

    [Test]
    public async Task AFailedDelivery_IsRetriedWithBackoff_ThenMarkedFailed_AndTheOfficeCanRequeueIt()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        _gatewayAnswer = HttpStatusCode.ServiceUnavailable;
        await RegisterAsync(fillerEmail: null);

        await DeliverAsync();
        var message = await SmsAsync();
        message.Status.Should().Be(DeliveryStatus.Pending);
        message.Attempts.Should().Be(1);
        message.LastError.Should().Contain("503");
        message.NextAttemptAt.Should().Be(Clock.GetUtcNow().AddMinutes(1));

        (await DeliverAsync()).Should().Be(0, "the next attempt is not due yet");
        for (var attempt = 2; attempt <= DeliveryBackoff.MaxAttempts; attempt++)
        {
            Clock.SetUtcNow((await SmsAsync()).NextAttemptAt);
            await DeliverAsync();
        }

        message = await SmsAsync();
        message.Status.Should().Be(DeliveryStatus.Failed);
        message.Attempts.Should().Be(DeliveryBackoff.MaxAttempts);
        _texts.Should().HaveCount(DeliveryBackoff.MaxAttempts, "each attempt reached the gateway");

        _gatewayAnswer = HttpStatusCode.OK;
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<Notifications.Outbox.RetryOutboundMessage, bool>>().HandleAsync(new Notifications.Outbox.RetryOutboundMessage(message.Id)));
        await DeliverAsync();
        (await SmsAsync()).Status.Should().Be(DeliveryStatus.Sent);
    }

    [Test]
    public async Task TwoDispatchersAtOnce_SendEachMessageExactlyOnce()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        await RegisterAsync();

        await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());

        _smtp.ReceivedEmailCount.Should().Be(1);
        _texts.Should().ContainSingle();
    }

    private Task<RegistrationReceipt> RegisterAsync(string? fillerEmail = FillerEmail) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<RegisterUnit, RegistrationReceipt>>().HandleAsync(new RegisterUnit(
            CampaignId, "黔西南示范能源有限公司", "91522300MA6J8R3N56", UnitNature.CityOrPrefectureEnterprise, "黔西南州", "黔西南州国资委",
            "孟华", AuditorMobile, null, null, AuditorEmail, AuditorIsHr: true, "周文", FillerMobile, fillerEmail)));

    private Task<int> DeliverAsync() => InScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync());

    private Task<OutboundMessage> SmsAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.AsNoTracking().SingleAsync(m => m.Channel == MessageChannel.Sms));

    private Task RequestResetAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<PasswordReset>().RequestAsync(AuditorMobile, "127.0.0.1"));

    private Task ResetAsync(string code, string password) =>
        InScopeAsync(sp => sp.GetRequiredService<PasswordReset>().ResetAsync(AuditorMobile, code, password, password, "127.0.0.1"));

    private Task ActivateAsync(string token, string password) =>
        InScopeAsync(sp => sp.GetRequiredService<AccountActivator>().ActivateAsync(token, password, password, "127.0.0.1"));

    private MimeMessage MailTo(string address)
    {
        var raw = _smtp.ReceivedEmail.Single(m => m.ToAddresses.Any(a => a.Address == address)).Data;
        return MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
    }

    private JsonElement TextTo(string mobile) => _texts.Single(t => t.GetProperty("mobile").GetString() == mobile);

    private async Task ServeGatewayAsync()
    {
        while (_gateway.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _gateway.GetContextAsync();
            }
            catch (Exception) when (!_gateway.IsListening)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var json = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
                if (context.Request.Headers["X-Api-Key"] == "test-key")
                {
                    _texts.Enqueue(json);
                }
            }

            context.Response.StatusCode = (int)_gatewayAnswer;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>On the embedded default (no SMTP server, no gateway) messages land as files in the data folder.</summary>
public sealed class LocalOutboxTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task WithoutServers_MailsAreWrittenAsEmlFiles_AndTextsAsFiles_AndMarkedStoredLocally()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await InScopeAsync(sp => sp.GetRequiredService<IHandler<RegisterUnit, RegistrationReceipt>>().HandleAsync(new RegisterUnit(
            CampaignId, "黔西南示范能源有限公司", "91522300MA6J8R3N56", UnitNature.CityOrPrefectureEnterprise, "黔西南州", "黔西南州国资委",
            "孟华", "13700003333", null, null, null, AuditorIsHr: true, "周文", "13600002222", "filler@example.cn")));

        await InScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync());

        var paths = Services.GetRequiredService<TitleReview.Infrastructure.Hosting.StoragePaths>();
        var eml = Directory.GetFiles(paths.MailFolder, "*.eml").Should().ContainSingle().Subject;
        var mail = await MimeMessage.LoadAsync(eml);
        mail.To.Mailboxes.Single().Address.Should().Be("filler@example.cn");
        mail.TextBody.Should().Contain(receipt.AccessToken);
        (await File.ReadAllTextAsync(Directory.GetFiles(paths.SmsFolder).Single())).Should().Contain("13600002222").And.Contain(receipt.AccessToken);
        var messages = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.AsNoTracking().ToListAsync());
        messages.Should().HaveCount(2).And.OnlyContain(m => m.Status == DeliveryStatus.StoredLocally);
    }
}

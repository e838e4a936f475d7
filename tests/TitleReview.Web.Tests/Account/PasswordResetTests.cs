using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Messaging;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Account;

public partial class PasswordResetTests
{
    private const string NewPassword = "Fresh#Pass2026";
    private TitleReviewFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory();
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task LoginPage_LinksToForgotPassword()
    {
        (await _client.GetStringAsync("/Account/Login")).Should().Contain("href=\"/Account/ForgotPassword\">忘记密码？</a>");
    }

    [TestCase("auditor1")]
    [TestCase("nobody-here")]
    public async Task ForgotPassword_AnswersTheSameWhetherOrNotTheAccountExists(string userName)
    {
        var html = await RequestCodeAsync(userName);

        html.Should().Contain("如果该账号存在，验证码已发送至其绑定的手机和邮箱").And.NotContainAny(DemoAccounts.Users.Single(u => u.UserName == "auditor1").Mobile!);
    }

    [Test]
    public async Task ForgotPassword_SendsSixDigitCodeBySmsOnlyToAnExistingActiveAccount()
    {
        await RequestCodeAsync("nobody-here");
        await RequestCodeAsync("auditor1");

        var messages = await MessagesAsync();
        messages.Should().ContainSingle();
        messages[0].Channel.Should().Be(MessageChannel.Sms);
        messages[0].Recipient.Should().Be("13800000101");
        messages[0].Purpose.Should().Be("重置密码");
        messages[0].ContainsSecret.Should().BeTrue();
        CodeIn(messages[0].Body).Should().MatchRegex("^[0-9]{6}$");
    }

    [Test]
    public async Task ResetPassword_WithTheCode_SetsTheNewPasswordAndIsAudited()
    {
        await RequestCodeAsync("auditor1");
        var code = CodeIn((await MessagesAsync()).Single().Body);

        var response = await PostResetAsync("auditor1", code, NewPassword, NewPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await PostLoginAsync(_client, "auditor1", DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostLoginAsync(_client, "auditor1", NewPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var scope = _factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Select(e => e.Action).ToListAsync())
            .Should().Contain([AuditAction.PasswordResetRequested, AuditAction.PasswordReset]);
    }

    [Test]
    public async Task ResetPassword_WithUsedCode_IsRefused()
    {
        await RequestCodeAsync("auditor1");
        var code = CodeIn((await MessagesAsync()).Single().Body);
        await PostResetAsync("auditor1", code, NewPassword, NewPassword);

        var again = await PostResetAsync("auditor1", code, "Other#Pass2026", "Other#Pass2026");

        (await again.Content.ReadAsStringAsync()).Should().Contain("验证码错误或已失效");
    }

    [Test]
    public async Task ResetPassword_WithWeakPasswordOrMismatch_ShowsChineseFieldErrors()
    {
        await RequestCodeAsync("auditor1");
        var code = CodeIn((await MessagesAsync()).Single().Body);

        var weak = await (await PostResetAsync("auditor1", code, "abc", "abc")).Content.ReadAsStringAsync();
        var mismatch = await (await PostResetAsync("auditor1", code, NewPassword, NewPassword + "x")).Content.ReadAsStringAsync();

        weak.Should().Contain("密码至少需要 8 个字符");
        mismatch.Should().Contain("两次输入的密码不一致");
    }

    [Test]
    public async Task ResetPassword_ForUnknownAccount_GivesTheWrongCodeAnswer()
    {
        var response = await PostResetAsync("nobody-here", "123456", NewPassword, NewPassword);

        (await response.Content.ReadAsStringAsync()).Should().Contain("验证码错误或已失效");
    }

    private async Task<string> RequestCodeAsync(string userName)
    {
        var token = await GetAntiforgeryTokenAsync(_client, "/Account/ForgotPassword");
        var response = await _client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> PostResetAsync(string userName, string code, string password, string confirm)
    {
        var token = await GetAntiforgeryTokenAsync(_client, "/Account/ResetPassword");
        return await _client.PostAsync("/Account/ResetPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Code"] = code,
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirm,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private async Task<List<OutboundMessage>> MessagesAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboundMessages.AsNoTracking().ToListAsync();
    }

    private static string CodeIn(string body) => CodePattern().Match(body).Groups[1].Value;

    [GeneratedRegex("验证码 ([0-9]{6})")]
    private static partial Regex CodePattern();
}

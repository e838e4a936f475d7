using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Account;

/// <summary>
/// Office accounts with <c>Security:RequireOfficeTwoFactor</c> on. Identity checks
/// authenticator codes against the system clock, so these tests use the real one.
/// </summary>
public partial class TwoFactorTests
{
    private TitleReviewFactory _factory = null!;

    [SetUp]
    public void SetUp() =>
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Security:RequireOfficeTwoFactor"] = "true" });

    [TearDown]
    public void TearDown() => _factory.Dispose();

    private HttpClient NewClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    [Test]
    public async Task OfficeWithoutTwoFactor_ReachesOnlyTheEnrolmentPage()
    {
        using var client = await SignedInClientAsync(_factory, "office");

        var page = await client.GetAsync("/Office/Units");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Be("/Account/Security");

        var api = await client.GetAsync("/api/accounts");
        api.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Content.ReadAsStringAsync()).Should().Contain("两步验证");

        var security = await client.GetStringAsync("/Account/Security");
        security.Should().Contain("省政工职评办账号须先启用两步验证").And.Contain("<svg").And.Contain("id=\"shared-key\"");
    }

    [Test]
    public async Task NonOfficeAccount_IsNotAskedForTwoFactor()
    {
        using var client = await SignedInClientAsync(_factory, "auditor1");

        (await client.GetAsync("/Auditor")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Enrol_WithWrongCode_ShowsChineseErrorAndStaysOff()
    {
        using var client = await SignedInClientAsync(_factory, "office");
        var html = await client.GetStringAsync("/Account/Security");

        var response = await PostFormAsync(client, "/Account/Security?handler=Enable", html, new() { ["Code"] = Wrong(TotpFor(html)) });

        (await response.Content.ReadAsStringAsync()).Should().Contain("验证码不正确");
        (await client.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task Enrol_WithCodeFromTheApp_ShowsTenRecoveryCodesAndOpensTheOffice()
    {
        using var client = await SignedInClientAsync(_factory, "office");

        var codes = await EnrolAsync(client);

        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await client.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/accounts")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AuditActionsAsync()).Should().Contain(AuditAction.TwoFactorEnabled);
    }

    [Test]
    public async Task SignIn_WithTwoFactorEnabled_NeedsTheCodeBeforeAnyOfficePageOrApi()
    {
        string key;
        using (var enrolling = await SignedInClientAsync(_factory, "office"))
        {
            key = await EnrolAndReadKeyAsync(enrolling);
        }

        using var client = NewClient();
        var password = await PostLoginAsync(client, "office", DemoAccounts.Password);

        password.StatusCode.Should().Be(HttpStatusCode.Redirect);
        password.Headers.Location!.ToString().Should().StartWith("/Account/LoginWith2fa");
        var cookies = password.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().Contain(c => c.StartsWith("Identity.TwoFactorUserId=", StringComparison.Ordinal));
        cookies.Should().NotContain(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal));
        var office = await client.GetAsync("/Office");
        office.StatusCode.Should().Be(HttpStatusCode.Redirect);
        office.Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await client.GetAsync("/api/accounts")).StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);

        var form = await client.GetStringAsync("/Account/LoginWith2fa");
        var second = await PostFormAsync(client, "/Account/LoginWith2fa", form, new() { ["Code"] = Totp.Compute(key, TimeProvider.System.GetUtcNow()) });

        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/accounts")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AuditActionsAsync()).Should().Contain(AuditAction.TwoFactorSucceeded);
    }

    [Test]
    public async Task SignIn_WithWrongSecondFactor_StaysOutAndIsAudited()
    {
        string key;
        using (var enrolling = await SignedInClientAsync(_factory, "office"))
        {
            key = await EnrolAndReadKeyAsync(enrolling);
        }

        using var client = NewClient();
        await PostLoginAsync(client, "office", DemoAccounts.Password);
        var form = await client.GetStringAsync("/Account/LoginWith2fa");
        var second = await PostFormAsync(client, "/Account/LoginWith2fa", form, new() { ["Code"] = "12345" });
        (await second.Content.ReadAsStringAsync()).Should().Contain("验证码为 6 位数字");

        var wrong = await PostFormAsync(client, "/Account/LoginWith2fa", form, new() { ["Code"] = Wrong(Totp.Compute(key, TimeProvider.System.GetUtcNow())) });

        (await wrong.Content.ReadAsStringAsync()).Should().Contain("验证码不正确");
        (await client.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task RecoveryCode_SignsInOnce()
    {
        IReadOnlyList<string> codes;
        using (var enrolling = await SignedInClientAsync(_factory, "office"))
        {
            codes = await EnrolAsync(enrolling);
        }

        using (var first = NewClient())
        {
            await PostLoginAsync(first, "office", DemoAccounts.Password);
            var form = await first.GetStringAsync("/Account/LoginWithRecoveryCode");
            var used = await PostFormAsync(first, "/Account/LoginWithRecoveryCode", form, new() { ["RecoveryCode"] = codes[0] });

            used.StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await first.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var second = NewClient();
        await PostLoginAsync(second, "office", DemoAccounts.Password);
        var again = await second.GetStringAsync("/Account/LoginWithRecoveryCode");
        var reused = await PostFormAsync(second, "/Account/LoginWithRecoveryCode", again, new() { ["RecoveryCode"] = codes[0] });

        (await reused.Content.ReadAsStringAsync()).Should().Contain("恢复码不正确或已使用过");
        (await second.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await AuditActionsAsync()).Should().Contain(AuditAction.RecoveryCodeUsed);
    }

    [Test]
    public async Task LoginWith2fa_WithoutPasswordStep_GoesBackToLogin()
    {
        using var client = NewClient();

        var response = await client.GetAsync("/Account/LoginWith2fa");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Test]
    public async Task Disable_ForOfficeAccount_IsRefused()
    {
        using var client = await SignedInClientAsync(_factory, "office");
        await EnrolAsync(client);
        var html = await client.GetStringAsync("/Account/Security");

        html.Should().NotContain("关闭两步验证");
        var response = await PostFormAsync(client, "/Account/Security?handler=Disable", html, []);

        (await response.Content.ReadAsStringAsync()).Should().Contain("必须启用两步验证");
    }

    internal static async Task<IReadOnlyList<string>> EnrolAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Account/Security");
        var response = await PostFormAsync(client, "/Account/Security?handler=Enable", html, new() { ["Code"] = TotpFor(html) });
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("两步验证已启用");
        return RecoveryCodePattern().Matches(page).Select(m => m.Groups[1].Value).ToList();
    }

    private static async Task<string> EnrolAndReadKeyAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Account/Security");
        var key = KeyOf(html);
        var response = await PostFormAsync(client, "/Account/Security?handler=Enable", html, new() { ["Code"] = Totp.Compute(key, TimeProvider.System.GetUtcNow()) });
        (await response.Content.ReadAsStringAsync()).Should().Contain("两步验证已启用");
        return key;
    }

    /// <summary>A six-digit code that is not the right one (nor one of its neighbours in time, almost surely).</summary>
    private static string Wrong(string right) =>
        ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static string TotpFor(string securityPage) => Totp.Compute(KeyOf(securityPage), TimeProvider.System.GetUtcNow());

    private static string KeyOf(string securityPage) =>
        KeyPattern().Match(securityPage).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);

    internal static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = ReadAntiforgeryToken(formPage);
        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task<List<AuditAction>> AuditActionsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Select(e => e.Action).ToListAsync();
    }

    [GeneratedRegex("<kbd id=\"shared-key\">([a-z0-9 ]+)</kbd>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}

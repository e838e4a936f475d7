using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Account;

public class LoginTests
{
    private FakeTimeProvider _clock = null!;
    private TitleReviewFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 1, 0, 0, TimeSpan.Zero));
        _factory = new TitleReviewFactory(clock: _clock);
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task LoginPage_IsChineseWithLabelledFields()
    {
        var html = await _client.GetStringAsync("/Account/Login");

        html.Should().Contain("<html lang=\"zh-CN\">")
            .And.Contain("<label for=\"Input_UserName\">用户名</label>")
            .And.Contain("<label for=\"Input_Password\">密码</label>")
            .And.Contain(">登录</button>");
    }

    [Test]
    public async Task Home_WhenAnonymous_RedirectsToLogin()
    {
        var response = await _client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().StartWith("https://localhost/Account/Login");
    }

    private static IEnumerable<TestCaseData> DemoUsers() =>
        DemoAccounts.Users.Select(u => new TestCaseData(u.UserName, u.Role).SetName($"Login_As{u.UserName}_LandsOnRoleHome"));

    [TestCaseSource(nameof(DemoUsers))]
    public async Task Login_AsDemoAccount_LandsOnRoleHome(string userName, string role)
    {
        var (home, heading) = role switch
        {
            Roles.Office or Roles.Inspector => ("/Office", "省政工职评办工作台"),
            Roles.Auditor => ("/Auditor", "审核人工作台"),
            Roles.Applicant => ("/Applicant", "我的申报"),
            _ => ("/Expert", "评审任务"),
        };

        var login = await PostLoginAsync(_client, userName, DemoAccounts.Password);
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var root = await _client.GetAsync(login.Headers.Location);
        root.Headers.Location!.OriginalString.Should().Be(home);
        var page = await _client.GetStringAsync(home);

        page.Should().Contain($"<h1>{heading}</h1>");
        page.Should().Contain(DemoAccounts.Users.Single(u => u.UserName == userName).DisplayName);
    }

    [Test]
    public async Task Login_WithWrongPassword_ShowsGenericMessageAndIsAudited()
    {
        var response = await PostLoginAsync(_client, "applicant1", "Wrong#Pass1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("用户名或密码错误。");
        var entry = (await AuditAsync()).Single();
        entry.Action.Should().Be(AuditAction.LoginFailed);
        entry.Actor.Should().Be("applicant1");
        entry.Succeeded.Should().BeFalse();
        entry.OccurredAt.Should().Be(_clock.GetUtcNow());
    }

    [Test]
    public async Task Login_WithUnknownUser_SameMessageAndAudited()
    {
        var response = await PostLoginAsync(_client, "nobody", "Whatever#1");

        (await response.Content.ReadAsStringAsync()).Should().Contain("用户名或密码错误。");
        (await AuditAsync()).Should().ContainSingle(e => e.Actor == "nobody" && e.Action == AuditAction.LoginFailed);
    }

    [Test]
    public async Task Login_WithEmptyFields_ShowsFieldMessages()
    {
        var response = await PostLoginAsync(_client, "", "");

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("请输入用户名。").And.Contain("请输入密码。");
        (await AuditAsync()).Should().BeEmpty("nothing was attempted");
    }

    [Test]
    public async Task FiveWrongPasswords_LockTheAccountForThirtyMinutes()
    {
        for (var i = 1; i <= 4; i++)
        {
            var failed = await PostLoginAsync(_client, "applicant2", "Wrong#Pass1");
            (await failed.Content.ReadAsStringAsync()).Should().Contain("用户名或密码错误。");
        }

        var fifth = await PostLoginAsync(_client, "applicant2", "Wrong#Pass1");
        (await fifth.Content.ReadAsStringAsync()).Should().Contain("账号已被锁定至 2023-08-01 09:30:00");

        var correctButLocked = await PostLoginAsync(_client, "applicant2", DemoAccounts.Password);
        correctButLocked.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account cannot sign in even with the right password");

        _clock.Advance(TimeSpan.FromMinutes(31));
        var afterLockout = await PostLoginAsync(_client, "applicant2", DemoAccounts.Password);
        afterLockout.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await AuditAsync()).Select(e => e.Action).Should().Equal(
            AuditAction.LoginFailed,
            AuditAction.LoginFailed,
            AuditAction.LoginFailed,
            AuditAction.LoginFailed,
            AuditAction.LockedOut,
            AuditAction.LoginRejectedWhileLockedOut,
            AuditAction.LoginSucceeded);
    }

    [Test]
    public async Task Logout_EndsTheSessionAndIsAudited()
    {
        var client = await SignedInClientAsync(_factory, "office");
        var token = await GetAntiforgeryTokenAsync(client, "/Office");

        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        logout.Headers.Location!.OriginalString.Should().Be("/Account/Login");
        (await client.GetAsync("/Office")).Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await AuditAsync()).Select(e => e.Action).Should().EndWith(AuditAction.LoggedOut);
    }

    [Test]
    public async Task Login_WithExternalReturnUrl_StaysOnThisSite()
    {
        var token = await GetAntiforgeryTokenAsync(_client, "/Account/Login");
        var response = await _client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "office",
            ["Input.Password"] = DemoAccounts.Password,
            ["ReturnUrl"] = "https://evil.example/phish",
            ["__RequestVerificationToken"] = token,
        }));

        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Test]
    public async Task AuthCookie_IsHttpOnlyAndSameSite()
    {
        var response = await PostLoginAsync(_client, "office", DemoAccounts.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }
}

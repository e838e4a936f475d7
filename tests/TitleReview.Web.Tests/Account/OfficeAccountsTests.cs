using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Messaging;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Account;

/// <summary>The office's account management and the office administrator's staff accounts (two-factor requirement off, as in Development).</summary>
public partial class OfficeAccountsTests
{
    private TitleReviewFactory _factory = null!;

    [SetUp]
    public void SetUp() => _factory = new TitleReviewFactory();

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task AccountList_SearchesAndMasksMobiles()
    {
        using var office = await SignedInClientAsync(_factory, "office");

        var html = await office.GetStringAsync("/Office/Accounts?search=王敏");

        html.Should().Contain("王敏").And.Contain("138****0101").And.NotContain("13800000101").And.NotContain("李华");
    }

    [Test]
    public async Task AccountList_FiltersByRoleThroughTheApi()
    {
        using var office = await SignedInClientAsync(_factory, "office");

        var page = await office.GetFromJsonAsync<AccountPage>("/api/accounts?role=Applicant");

        page!.Total.Should().Be(DemoAccounts.Users.Count(u => u.Role == Roles.Applicant));
        page.Items.Should().OnlyContain(a => a.Roles.Contains(Roles.Applicant) && !a.MaskedMobile.Contains("00000"));
    }

    [Test]
    public async Task AccountApi_ForNonOffice_IsForbidden()
    {
        using var auditor = await SignedInClientAsync(_factory, "auditor1");

        (await auditor.GetAsync("/api/accounts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Disable_WithoutReason_IsRefusedInChinese()
    {
        using var office = await SignedInClientAsync(_factory, "office");

        var response = await office.PostAsJsonAsync($"/api/accounts/{await IdOfAsync("auditor1")}/disable", new { reason = " " });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("请填写原因");
    }

    [Test]
    public async Task Disable_ThenEnable_StopsAndRestoresSignInWithReasonsInTheAuditLog()
    {
        using var office = await SignedInClientAsync(_factory, "office");
        var id = await IdOfAsync("auditor1");

        (await office.PostAsJsonAsync($"/api/accounts/{id}/disable", new { reason = "人员调离" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using (var refused = _factory.CreateClient(new() { AllowAutoRedirect = false }))
        {
            (await PostLoginAsync(refused, "auditor1", DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await office.PostAsJsonAsync($"/api/accounts/{id}/enable", new { reason = "调回原岗位" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using (var again = _factory.CreateClient(new() { AllowAutoRedirect = false }))
        {
            (await PostLoginAsync(again, "auditor1", DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var entries = await AuditAsync();
        entries.Should().Contain(e => e.Action == AuditAction.AccountDisabled && e.Detail!.Contains("陈静") && e.Detail.Contains("人员调离"));
        entries.Should().Contain(e => e.Action == AuditAction.AccountReEnabled && e.Detail!.Contains("调回原岗位"));
    }

    [Test]
    public async Task Disable_OwnAccount_IsRefused()
    {
        using var office = await SignedInClientAsync(_factory, "office");

        var response = await office.PostAsJsonAsync($"/api/accounts/{await IdOfAsync("office")}/disable", new { reason = "测试" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("不能停用自己的账号");
    }

    [Test]
    public async Task ResetPassword_ClearsItAndSendsASetPasswordLinkThatWorksOnce()
    {
        using var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync($"/Office/Accounts/Detail?id={await IdOfAsync("applicant1")}");

        var response = await office.PostAsync(
            $"/Office/Accounts/Detail?id={await IdOfAsync("applicant1")}&handler=ResetPassword",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "本人来电，手机已更换", ["__RequestVerificationToken"] = ReadAntiforgeryToken(page) }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await office.GetStringAsync(response.Headers.Location!.ToString());

        after.Should().Contain("设置密码链接已发送至手机 139****0201").And.NotContain("/Account/Activate");
        using (var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false }))
        {
            (await PostLoginAsync(anonymous, "applicant1", DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var message = (await MessagesAsync()).Single();
        message.Recipient.Should().Be("13900000201");
        message.Purpose.Should().Be(AccountAdministration.SetPasswordPurpose);
        await SetPasswordThroughLinkAsync(message.Body, "Renewed#Pass2026");
        using (var signIn = _factory.CreateClient(new() { AllowAutoRedirect = false }))
        {
            (await PostLoginAsync(signIn, "applicant1", "Renewed#Pass2026")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await AuditAsync()).Should().Contain(e => e.Action == AuditAction.PasswordResetByOffice && e.Detail!.Contains("本人来电"));
    }

    [Test]
    public async Task ResetTwoFactor_TurnsItOffWithReason()
    {
        using (var expert = await SignedInClientAsync(_factory, "expert1"))
        {
            await TwoFactorTests.EnrolAsync(expert);
        }

        using var office = await SignedInClientAsync(_factory, "office");
        var id = await IdOfAsync("expert1");

        (await office.PostAsJsonAsync($"/api/accounts/{id}/reset-two-factor", new { reason = "手机丢失" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await office.GetFromJsonAsync<AccountListItem>($"/api/accounts/{id}"))!.TwoFactorEnabled.Should().BeFalse();
        using var signIn = _factory.CreateClient(new() { AllowAutoRedirect = false });
        (await PostLoginAsync(signIn, "expert1", DemoAccounts.Password)).Headers.Location!.ToString().Should().NotContain("LoginWith2fa");
        (await AuditAsync()).Should().Contain(e => e.Action == AuditAction.TwoFactorReset && e.Detail!.Contains("手机丢失"));
    }

    [Test]
    public async Task OfficeAdmin_CreatesExpertAccount_LinkGoesOutNeverOnThePage()
    {
        using var admin = await SignedInClientAsync(_factory, "office");
        var form = await admin.GetStringAsync("/Office/Accounts/Create");

        var response = await admin.PostAsync("/Office/Accounts/Create", new FormUrlEncodedContent(
        [
            new("Input.DisplayName", "钱晓"),
            new("Input.UserName", "expert9"),
            new("Input.Mobile", "13700000399"),
            new("Input.Email", "qianxiao@example.cn"),
            new("Input.Roles", Roles.Expert),
            new("__RequestVerificationToken", ReadAntiforgeryToken(form)),
        ]));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await admin.GetStringAsync("/Office/Accounts/Create");

        after.Should().Contain("账号 expert9 已创建").And.Contain("137****0399").And.NotContain("/Account/Activate");
        var messages = await MessagesAsync();
        messages.Select(m => m.Channel).Should().BeEquivalentTo([MessageChannel.Email, MessageChannel.Sms]);
        await SetPasswordThroughLinkAsync(messages[0].Body, "Expert#Pass2026");
        using var expert = await SignedInWithAsync("expert9", "Expert#Pass2026");
        (await expert.GetAsync("/Expert")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task CreateStaff_WithBadInput_ShowsChineseFieldErrors()
    {
        using var admin = await SignedInClientAsync(_factory, "office");

        var response = await admin.PostAsJsonAsync("/api/accounts/staff", new { displayName = "", userName = "auditor1", mobile = "123", roles = new[] { Roles.OfficeAdmin } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("请填写姓名").And.Contain("已被使用").And.Contain("系统管理员须同时具有省政工职评办角色");
    }

    [Test]
    public async Task OfficeWithoutAdminRole_CannotManageStaff()
    {
        using var admin = await SignedInClientAsync(_factory, "office");
        (await admin.PostAsJsonAsync("/api/accounts/staff", new { displayName = "孙丽", userName = "office2", mobile = "13700000302", roles = new[] { Roles.Office } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await SetPasswordThroughLinkAsync((await MessagesAsync()).Single().Body, "Office2#Pass2026");

        using var staff = await SignedInWithAsync("office2", "Office2#Pass2026");

        (await staff.GetAsync("/Office/Accounts")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await staff.GetAsync("/Office/Accounts/Create")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await staff.PutAsJsonAsync($"/api/accounts/{await IdOfAsync("expert1")}/roles", new { roles = new[] { Roles.Office }, reason = "调岗" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ChangeRoles_CannotRemoveTheLastOfficeAdmin()
    {
        using var admin = await SignedInClientAsync(_factory, "office");

        var response = await admin.PutAsJsonAsync($"/api/accounts/{await IdOfAsync("office")}/roles", new { roles = new[] { Roles.Office }, reason = "调整" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("最后一位系统管理员");
    }

    [Test]
    public async Task ChangeRoles_GivesAnExpertOfficeRolesWithReasonInTheAuditLog()
    {
        using var admin = await SignedInClientAsync(_factory, "office");
        var id = await IdOfAsync("expert1");

        (await admin.PutAsJsonAsync($"/api/accounts/{id}/roles", new { roles = new[] { Roles.Office, Roles.Expert }, reason = "兼任办公室工作" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await admin.GetFromJsonAsync<AccountListItem>($"/api/accounts/{id}"))!.Roles.Should().BeEquivalentTo([Roles.Office, Roles.Expert]);
        (await AuditAsync()).Should().Contain(e => e.Action == AuditAction.RolesChanged && e.Detail!.Contains("兼任办公室工作") && e.Detail.Contains("评委 → 省政工职评办、评委"));
    }

    [Test]
    public async Task ChangeRoles_InspectorWithAnotherRole_IsRefusedOnTheField_AndAloneIsGiven()
    {
        using var admin = await SignedInClientAsync(_factory, "office");
        var id = await IdOfAsync("expert3");

        var refused = await admin.PutAsJsonAsync($"/api/accounts/{id}/roles", new { roles = new[] { Roles.Inspector, Roles.Office }, reason = "调任纪检" });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("纪检监察角色只读监督，不能与其他角色同时授予");
        (await admin.GetFromJsonAsync<AccountListItem>($"/api/accounts/{id}"))!.Roles.Should().BeEquivalentTo([Roles.Expert], "a refusal changes nothing");

        (await admin.PutAsJsonAsync($"/api/accounts/{id}/roles", new { roles = new[] { Roles.Inspector }, reason = "调任纪检" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<AccountListItem>($"/api/accounts/{id}"))!.Roles.Should().BeEquivalentTo([Roles.Inspector]);
    }

    [Test]
    public async Task ChangeRoles_OfAnApplicant_IsRefused()
    {
        using var admin = await SignedInClientAsync(_factory, "office");

        var response = await admin.PutAsJsonAsync($"/api/accounts/{await IdOfAsync("applicant1")}/roles", new { roles = new[] { Roles.Office }, reason = "误操作" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    private async Task SetPasswordThroughLinkAsync(string body, string password)
    {
        var path = new Uri(LinkPattern().Match(body).Value).PathAndQuery;
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(path);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["password"] = password,
            ["confirm"] = password,
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(form),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<HttpClient> SignedInWithAsync(string userName, string password)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        (await PostLoginAsync(client, userName, password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private async Task<string> IdOfAsync(string userName)
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    private async Task<List<OutboundMessage>> MessagesAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboundMessages.AsNoTracking().OrderBy(m => m.Channel).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().ToListAsync();
    }

    [GeneratedRegex("https?://[^ ]+/Account/Activate\\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}

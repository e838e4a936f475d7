using Microsoft.Playwright;
using TitleReview.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

public class LoginBrowserTests : BrowserTestBase
{
    [TestCase("office", "/Office", "省政工职评办工作台")]
    [TestCase("auditor1", "/Auditor", "审核人工作台")]
    [TestCase("applicant1", "/Applicant", "我的申报")]
    [TestCase("expert1", "/Expert", "评审任务")]
    public async Task Login_ThroughTheRealPage_ShowsTheRolesHome(string userName, string home, string heading)
    {
        await LoginAsync(userName, DemoAccounts.Password);

        await Expect(Page).ToHaveURLAsync($"{BaseUrl}{home}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        for (var i = 0; i < 4; i++)
        {
            await LoginAsync("applicant3", "Wrong#Pass1");
            await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误。");
        }

        await LoginAsync("applicant3", "Wrong#Pass1");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("账号已被锁定");

        await LoginAsync("applicant3", DemoAccounts.Password);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("账号已被锁定");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Test]
    public async Task Logout_FromTheHeader_ReturnsToLogin()
    {
        await LoginAsync("office", DemoAccounts.Password);
        await Expect(Page).ToHaveURLAsync($"{BaseUrl}/Office");

        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync($"{BaseUrl}/Account/Login");
        await Page.GotoAsync($"{BaseUrl}/Office");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2FOffice"));
    }
}

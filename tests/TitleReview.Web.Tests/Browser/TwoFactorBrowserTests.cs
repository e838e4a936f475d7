using Microsoft.Playwright;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>An office member enrols an authenticator, signs out, and signs in with a code from it.</summary>
public class TwoFactorBrowserTests : BrowserTestBase
{
    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Security:RequireOfficeTwoFactor"] = "true" });

    [Test]
    public async Task Office_EnrolsSignsOutAndSignsInWithAnAuthenticatorCode()
    {
        await LoginAsync("office", DemoAccounts.Password);

        await Expect(Page).ToHaveURLAsync($"{BaseUrl}/Account/Security");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("须先启用两步验证");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "绑定验证器的二维码" })).ToBeVisibleAsync();
        var key = (await Page.Locator("#shared-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await Page.GetByLabel("验证码", new() { Exact = true }).FillAsync(Totp.Compute(key, TimeProvider.System.GetUtcNow()));
        await Page.GetByRole(AriaRole.Button, new() { Name = "启用两步验证" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("两步验证已启用。");
        await Expect(Page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await Page.GotoAsync($"{BaseUrl}/Office");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("省政工职评办工作台");

        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await LoginAsync("office", DemoAccounts.Password);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/LoginWith2fa"));
        await Page.GetByLabel("验证码", new() { Exact = true }).FillAsync(Totp.Compute(key, TimeProvider.System.GetUtcNow()));
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync($"{BaseUrl}/Office");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("省政工职评办工作台");
    }
}

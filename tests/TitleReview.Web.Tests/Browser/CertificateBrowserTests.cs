using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TitleReview.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Issue 17's certificate story in real Chromium, on the demo's 2023 history with its certificates
/// taken back: the office sets the two levels' numbering and issues both passed candidates'
/// certificates, opens 李华's print view with its QR code, and the address the QR code carries
/// opens the public verification page, signed out, showing 有效.
/// </summary>
public class CertificateBrowserTests : DemoCampaignBrowserTestBase
{
    [Test]
    public async Task Certificate_IssuedPrintedWithItsQrCode_TheCodeVerifiesAsValid()
    {
        await ReadAsync(async db =>
        {
            await db.Certificates.ExecuteDeleteAsync();
            await db.CertificateCollections.ExecuteDeleteAsync();
            return await db.CertificateNumberings.ExecuteDeleteAsync();
        });

        await LoginAsync("office", DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Office/Certificates?year=2023");
        await Expect(Page.Locator("#certificates-ready")).ToHaveTextAsync("2");
        foreach (var level in new[] { "Intermediate", "Senior" })
        {
            var row = Page.Locator($"#certificates-numbering tr[data-level='{level}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Page.Locator(".status-message, [role=status]").First).ToContainTextAsync("证书编号规则");
        }

        await Page.Locator("#certificates-issue-all").ClickAsync();
        await Expect(Page.Locator("#certificates-ready")).ToHaveTextAsync("0");
        await Expect(Page.Locator("#certificates-list")).ToContainTextAsync("黔政工2023Z0001");
        await Expect(Page.Locator("#certificates-list")).ToContainTextAsync("黔政工2023G0001");

        var print = await Page.Locator("#certificates-candidates tr", new() { HasText = "李华" }).GetByRole(AriaRole.Link, new() { Name = "打印" }).GetAttributeAsync("href");
        await Page.GotoAsync($"{BaseUrl}{print}");
        var qr = Page.Locator(".sheet .qr");
        await Expect(qr.Locator("svg")).ToBeVisibleAsync();
        await Expect(Page.Locator(".sheet .number")).ToHaveTextAsync("黔政工2023Z0001");
        var url = await qr.GetAttributeAsync("data-url");
        url.Should().NotBeNull().And.Contain("/Certificate/");

        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync($"{BaseUrl}{new Uri(url!).PathAndQuery}");
        await Expect(Page.Locator("#certificate-status")).ToHaveTextAsync("有效");
        await Expect(Page.Locator("#certificate-result")).ToContainTextAsync("李华");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("522701198803150219");
    }
}

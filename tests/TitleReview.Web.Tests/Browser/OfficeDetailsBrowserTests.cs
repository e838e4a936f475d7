using Microsoft.Playwright;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>The office edits its details; the unit's auditor prints the one-page instruction sheet with them.</summary>
public class OfficeDetailsBrowserTests : BrowserTestBase
{
    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [Test]
    public async Task Office_MovesTheRoom_AndTheAuditorPrintsTheSheetWithIt_OnOneA4Page()
    {
        await LoginAsync("office", DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Office/Campaigns/Details?year=2023");
        await Page.GetByLabel("报送房间").FillAsync("1024室");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存并发布" }).ClickAsync();
        await Expect(Page.Locator("#changes")).ToContainTextAsync("修改报送及缴费办公信息：报送房间");
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        await LoginAsync("auditor1", DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Auditor/Instructions?year=2023");

        await Expect(Page.Locator("#sheet-unit")).ToHaveTextAsync("黔南能源集团有限公司");
        await Expect(Page.Locator("#sheet-people")).ToContainTextAsync("李华");
        await Expect(Page.Locator("#sheet-delivery")).ToContainTextAsync("1024室");
        await Expect(Page.Locator("#sheet-account-number")).ToHaveTextAsync("2402009709008830707—000000001");
        await Expect(Page.Locator("#sheet-amount")).ToContainTextAsync("政工师 1 人 × 300.00 元，合计 300.00 元");
        await Expect(Page.Locator("[data-print]")).ToBeVisibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await Page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        Directory.CreateDirectory(MonitorBrowserTests.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(MonitorBrowserTests.ScreenshotFolder, "instruction-sheet.pdf"), pdf);

        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.Should().Be(1, "the instructions are one page");
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        text.Should().Contain("1024").And.Contain("102701000336");
    }
}

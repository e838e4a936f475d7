using Microsoft.Playwright;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>The office edits the timeline and watches the instances, in real Chromium, on the demo campaigns.</summary>
public class MonitorBrowserTests : BrowserTestBase
{
    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [Test]
    public async Task Office_ChangesAWindowsClose_SeesTheCounts_AndOpensAnInstancesDiagramAndJournal()
    {
        var today = BeijingTime.Today(TimeProvider.System);
        var year = today.Year;
        var newClose = today.AddDays(27);
        await LoginAsync("office", DemoAccounts.Password);

        await Page.GotoAsync($"{BaseUrl}/Office/Campaigns/Timeline?year={year}");
        var filing = Page.Locator("tr[data-stage='filing']");
        await Expect(filing.Locator(".badge")).ToHaveTextAsync("进行中");
        await filing.GetByLabel("申报人填报与单位审核 结束时间").FillAsync($"{newClose:yyyy-MM-dd}T23:59:59");
        await filing.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存“申报人填报与单位审核”的时间");
        await Expect(Page.Locator("tr[data-stage='filing'] td").Nth(2)).ToHaveTextAsync($"{newClose:yyyy-MM-dd} 23:59:59");
        await Expect(Page.Locator("section", new() { HasText = "修改记录" })).ToContainTextAsync($"{newClose:yyyy-MM-dd} 23:59:59");
        await Expect(Page.Locator("section", new() { HasText = "修改记录" })).ToContainTextAsync("陈静");

        await Page.GetByRole(AriaRole.Link, new() { Name = "流程监控" }).First.ClickAsync();
        var counts = Page.Locator("#state-counts");
        await Expect(counts.Locator("tr", new() { HasText = "填报中" }).Locator("td")).ToHaveTextAsync("1");
        await Expect(counts.Locator("tr", new() { HasText = "待单位审核" }).Locator("td")).ToHaveTextAsync("1");

        await Page.Locator("#instances").GetByRole(AriaRole.Link, new() { Name = "赵强 · 高级政工师" }).ClickAsync();
        await Expect(Page.Locator("#current-state")).ToHaveTextAsync("待单位审核");
        // Mermaid lays the whole application definition out in the browser: on a busy two-core
        // machine that takes longer than the default five seconds.
        await Expect(Page.Locator("#diagram svg")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Page.Locator("#diagram")).ToContainTextAsync("待单位审核");
        await Expect(Page.Locator("#diagram .current").First).ToBeVisibleAsync();
        var journal = Page.Locator("#journal");
        await Expect(journal).ToContainTextAsync("提交审核");
        await Expect(journal).ToContainTextAsync("填报中 → 待单位审核");
        await Expect(Page.Locator("#timers")).ToContainTextAsync($"{newClose.AddDays(1):yyyy-MM-dd} 00:00:00");

        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "monitor-instance.png"), FullPage = true });
    }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");
}

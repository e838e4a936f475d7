using Microsoft.Playwright;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// The office ticks a closed case on the monitor and reopens it in a batch, in real Chromium;
/// the host's own Hangfire worker runs the job and the batch page refreshes itself until done.
/// </summary>
public class BulkOperationBrowserTests : BrowserTestBase
{
    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [Test]
    public async Task Office_TicksACaseOnTheMonitor_ReopensItInABatch_AndWatchesTheBatchFinish()
    {
        // Minutes only: Chromium drops ":00" seconds from a datetime-local value, and Playwright's fill then reports
        // "Malformed value" once a minute.
        var until = BeijingTime.ToBeijing(TimeProvider.System.GetUtcNow().AddDays(7));
        await LoginAsync("office", DemoAccounts.Password);

        await Page.GotoAsync($"{BaseUrl}/Office/Workflows?year=2023&definition=application");
        await Page.GetByLabel("选择 张丽 · 助理政工师").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "对勾选的实例批量操作…" }).ClickAsync();

        await Expect(Page.Locator("#selection")).ToHaveTextAsync("个人申报：勾选的 1 个实例");
        await Expect(Page.Locator("#selection-states")).ToContainTextAsync("未提交（申报期已截止）");
        await Page.GetByLabel("特例重新开放（适用于 1 个实例，须填写原因，须填写开放截止时间）").CheckAsync();
        await Page.GetByLabel("原因（写入每个实例的流程日志）").FillAsync("单位申报系统故障，经核实予以补交");
        await Page.GetByLabel("开放至（北京时间，仅“特例重新开放”等需要）").FillAsync(until.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(MonitorBrowserTests.ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, "bulk-operation.png"), FullPage = true });
        await Page.GetByRole(AriaRole.Button, new() { Name = "对 1 个实例批量执行" }).ClickAsync();

        await Expect(Page.Locator("#batch-status")).ToHaveTextAsync("已完成", new() { Timeout = 30_000 });
        await Expect(Page.Locator("#batch-fired")).ToHaveTextAsync("1");
        var row = Page.Locator("#batch-items tr", new() { HasText = "张丽 · 助理政工师" });
        await Expect(row).ToContainTextAsync("已执行");
        await Expect(row).ToContainTextAsync("未提交（申报期已截止） → 填报中");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, "bulk-operation-result.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = "张丽 · 助理政工师" }).ClickAsync();
        await Expect(Page.Locator("#current-state")).ToHaveTextAsync("填报中");
        await Expect(Page.Locator("#journal")).ToContainTextAsync("单位申报系统故障，经核实予以补交");
    }
}

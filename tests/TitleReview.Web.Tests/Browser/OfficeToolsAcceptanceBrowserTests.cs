using Microsoft.Playwright;
using MiniExcelLibs;
using TitleReview.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Issue 18's acceptance story in real Chromium, on the demo: 赵强's auditor takes his dossier to the
/// office; the office opens the statistics dashboard and sees its charts drawn, downloads the applicants'
/// export and reads it back, searches the audit trail for 赵强 and finds his dossier's actions, and
/// verifies the chain.
/// </summary>
public class OfficeToolsAcceptanceBrowserTests : DemoCampaignBrowserTestBase
{
    [Test]
    public async Task Dashboard_Charts_Export_AuditSearchForOneApplicant_ChainVerifies()
    {
        await SubmitZhaoToTheOfficeAsync();

        await LoginAsync("office", DemoAccounts.Password);
        await DashboardShowsItsChartsAsync();
        await ExportDownloadsAsync();
        await AuditSearchFindsZhaoAsync();
        await ChainVerifiesAsync();
    }

    /// <summary>The 2023 dashboard: every chart is a drawn image (the browser decoded it), the funnel's table has its numbers.</summary>
    private async Task DashboardShowsItsChartsAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Statistics?year=2023");
        await Expect(Page.Locator("h1")).ToContainTextAsync("2023 年度统计分析");
        await Expect(Page.Locator("#statistics-applied")).ToHaveTextAsync("4");

        var charts = Page.Locator("img.chart");
        (await charts.CountAsync()).Should().BeGreaterThanOrEqualTo(5);
        foreach (var chart in await charts.AllAsync())
        {
            await chart.ScrollIntoViewIfNeededAsync();
            await Expect(chart).ToHaveJSPropertyAsync("complete", true);
            (await chart.EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(100, "every chart is a drawn picture, not a broken image");
        }

        await Expect(Page.Locator("#funnel-table tbody tr").First).ToContainTextAsync("4");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#chart-funnel-download").ClickAsync());
        var png = await File.ReadAllBytesAsync(await download.PathAsync());
        png.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
    }

    /// <summary>From the dashboard to the exports: the applicants of 2023 with their states, read back with MiniExcel.</summary>
    private async Task ExportDownloadsAsync()
    {
        await Page.Locator("form.filter-form").GetByRole(AriaRole.Link, new() { Name = "数据导出", Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync("数据导出");
        Page.Url.Should().Contain("year=2023");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#export-applicants").ClickAsync());
        download.SuggestedFilename.Should().EndWith(".xlsx");
        await using var file = File.OpenRead(await download.PathAsync());
        var rows = (await file.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => (string)r["申报人"]).Should().Contain(["李华", "赵强"]);
        rows.Should().OnlyContain(r => !string.IsNullOrEmpty(r["状态"] as string));
    }

    /// <summary>The trail searched by one applicant's name: every row found concerns 赵强, among them the auditor's actions on his dossier.</summary>
    private async Task AuditSearchFindsZhaoAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/AuditLog");
        await Page.Locator("#Person").FillAsync("赵强");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();

        var rows = Page.Locator("table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        (await rows.CountAsync()).Should().BeGreaterThanOrEqualTo(4, "the review, the approval, the publicity and the submission each wrote a row");
        foreach (var row in await rows.AllAsync())
        {
            await Expect(row).ToContainTextAsync("赵强");
        }

        await Expect(Page.Locator("table tbody")).ToContainTextAsync("单位审核通过申报材料");
        await Expect(Page.Locator("table tbody")).ToContainTextAsync("核验申报材料条目");
    }

    /// <summary>A fresh walk of the whole chain, seeded history and this story's rows, finds it intact.</summary>
    private async Task ChainVerifiesAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "校验记录链", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#audit-verification")).ToHaveAttributeAsync("data-intact", "true");
        await Expect(Page.Locator("#audit-verification")).ToContainTextAsync("校验通过");
    }
}

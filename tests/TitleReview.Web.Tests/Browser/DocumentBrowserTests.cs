using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>The generated papers in real Chromium: printed to PDF, A4, and checked against the system.</summary>
public partial class DocumentBrowserTests : BrowserTestBase
{
    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [Test]
    public async Task ReviewForm_PrintsToA4Pdf_WithTheApplicantsNameAndUnit_AndItsCodeVerifies()
    {
        var applicationId = await ApplicationIdAsync("李华", 2023);
        await LoginAsync("applicant1", DemoAccounts.Password);

        await Page.GotoAsync($"{BaseUrl}/Documents/{applicationId}/review-form");
        await Expect(Page.Locator("#rf-name")).ToHaveTextAsync("李华");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await Page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        Directory.CreateDirectory(MonitorBrowserTests.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(MonitorBrowserTests.ScreenshotFolder, "review-form.pdf"), pdf);

        using (var document = PdfDocument.Open(pdf))
        {
            document.NumberOfPages.Should().Be(4, "a cover and three pages, for double-sided printing");
            foreach (var page in document.GetPages())
            {
                page.Width.Should().BeApproximately(595, 2, "A4 is 210 mm wide");
                page.Height.Should().BeApproximately(842, 2, "A4 is 297 mm high");
            }

            var text = string.Concat(document.GetPages().Select(p => p.Text));
            text.Should().Contain("李华").And.Contain("黔南能源集团有限公司").And.Contain("任职资格评");
        }

        var stamp = await Page.Locator(".sheet-no").First.InnerTextAsync();
        var code = CodePattern().Match(stamp).Groups[1].Value;
        code.Should().HaveLength(8);

        await Page.GotoAsync($"{BaseUrl}/Verify?code={code}");
        var result = Page.Locator("#verify-result");
        await Expect(result).ToContainTextAsync("专业技术职务任职资格评审表");
        await Expect(result).ToContainTextAsync("李华");
        await Expect(result).ToContainTextAsync("黔南能源集团有限公司");
        await Expect(result).ToContainTextAsync("有效");
        await Expect(result).Not.ToContainTextAsync("13900000201");

        await Page.GotoAsync($"{BaseUrl}/Verify?code=ZZZZ2222");
        await Expect(Page.Locator("#verify-result")).ToContainTextAsync("未找到");
    }

    [Test]
    public async Task EveryGeneratedDocument_LooksLikeAForm()
    {
        var applicationId = await ApplicationIdAsync("李华", 2023);
        await LoginAsync("auditor1", DemoAccounts.Password);
        Directory.CreateDirectory(MonitorBrowserTests.ScreenshotFolder);

        foreach (var (slug, heading) in new[]
                 {
                     ("unit-pledge", "诚信承诺书"),
                     ("personal-pledge", "诚信承诺书"),
                     ("review-form", "评"),
                     ("publicity-result", "单位公示结果"),
                     ("envelope", "申报材料档案袋"),
                 })
        {
            await Page.GotoAsync($"{BaseUrl}/Documents/{applicationId}/{slug}");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToContainTextAsync(heading);
            await Expect(Page.Locator("article.sheet")).ToContainTextAsync("李华");
            await Page.EmulateMediaAsync(new() { Media = Media.Screen });
            await Page.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, $"doc-{slug}.png"), FullPage = true });
        }

        await Page.GotoAsync($"{BaseUrl}/Auditor/Checklist?year=2023");
        await Expect(Page.Locator("[data-person='李华']")).ToContainTextAsync("委托评审函");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, "checklist.png"), FullPage = true });
    }

    [Test]
    public async Task Auditor_ApprovesThenTypesTheOpinions_AndThePrintedReviewFormCarriesThem()
    {
        const string unitOpinion = "该同志工作扎实，成绩突出，同意推荐申报高级政工师。";
        const string departmentOpinion = "同意推荐。";
        var applicationId = await ApplicationIdAsync("赵强", BeijingTime.Today(TimeProvider.System).Year);
        await LoginAsync("auditor2", DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Review/{applicationId}");
        await Expect(Page.Locator("#opinions")).ToHaveCountAsync(0);

        // The auditor opens every scan (the server records it) and ticks every item, then approves.
        foreach (var href in await Page.Locator(".attachment-view summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
        {
            (await Page.APIRequest.GetAsync(href)).Ok.Should().BeTrue();
        }

        var tick = Page.GetByRole(AriaRole.Button, new() { Name = "核验无误" });
        for (var guard = 0; guard < 30 && await tick.CountAsync() > 0; guard++)
        {
            await tick.First.ClickAsync();
            await Page.WaitForLoadStateAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Expect(Page.Locator("#dossier-state")).ToHaveTextAsync("单位审核通过");

        await Expect(Page.Locator("#opinions")).ToContainTextAsync("主管部门意见（贵州省人民政府国有资产监督管理委员会）");
        await Page.GetByLabel(new Regex("^单位推荐意见")).FillAsync(unitOpinion);
        await Page.GetByLabel(new Regex("^主管部门意见")).FillAsync(departmentOpinion);
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存意见" }).ClickAsync();
        await Expect(Page.Locator("[role=status]")).ToContainTextAsync("评审表意见已保存");

        await Page.GotoAsync($"{BaseUrl}/Documents/{applicationId}/review-form");
        await Expect(Page.Locator("#rf-unit-opinion")).ToHaveTextAsync(unitOpinion);
        await Expect(Page.Locator("#rf-department-opinion")).ToHaveTextAsync(departmentOpinion);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await Page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        using var document = PdfDocument.Open(pdf);
        string.Concat(document.GetPages().Select(p => p.Text)).Should().Contain("成绩突出，同意推荐申报", "the PDF carries the typed text (its 工 and 高 come out as CJK radicals)");
    }

    private async Task<Guid> ApplicationIdAsync(string name, int year)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from a in db.TitleApplications
                      join c in db.Campaigns on a.CampaignId equals c.Id
                      where c.Year == year && a.ApplicantName == name
                      select a.Id).SingleAsync();
    }

    [GeneratedRegex("校验码 ([A-Z0-9]{8})")]
    private static partial Regex CodePattern();
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// The office at the counter in real Chromium: a unit's three envelopes checked in with a
/// scanner-style input (the code typed, then Enter), one with a missing item, and the receipt
/// printed. The 2023 demo's 交通 unit, given two more submitted applicants and, since the
/// window closed in 2023, the office's exception first. Issue 13's fee steps extend this story.
/// </summary>
public class PaperCounterBrowserTests : BrowserTestBase
{
    private static readonly Guid Transport = DemoAccounts.ProvincialTransport.Id;

    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [Test]
    public async Task Office_ChecksInAUnitsThreeEnvelopesByScanning_OneWithAMissingItem_AndPrintsTheReceipt()
    {
        var codes = await ThreeEnvelopesAsync();
        await LoginAsync("office", DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Office/Paper?year=2023");
        await Page.GetByLabel("单位名称").FillAsync("交通");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查找单位" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "贵州省示范交通投资集团有限公司" }).ClickAsync();

        // The 2023 window closed long ago: the office makes the unit's exception first.
        var until = BeijingTime.ToBeijing(TimeProvider.System.GetUtcNow().AddDays(7));
        await Page.GetByLabel("原因").FillAsync("单位报送人途中车辆故障，经核实予以接收");
        await Page.GetByLabel("接收至（北京时间）").FillAsync(until.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "办理特例" }).ClickAsync();
        await Expect(Page.Locator("#paper-message")).ToContainTextAsync("已为该单位办理特例接收");

        foreach (var (name, code) in codes)
        {
            var scanner = Page.GetByLabel("扫描档案袋标签");
            await Expect(scanner).ToBeFocusedAsync();
            await scanner.PressSequentiallyAsync(code);
            await scanner.PressAsync("Enter");
            await Expect(Page.Locator("#person-title")).ToContainTextAsync(name);
            if (name == "赵强")
            {
                // His envelope came on Sep 8 without the photo: the form shows that, and now it is here.
                await Expect(Page.GetByLabel("一寸免冠彩色近照 缺")).ToBeCheckedAsync();
                await Page.GetByLabel("一寸免冠彩色近照 已收").CheckAsync();
                await Page.GetByLabel("一寸免冠彩色近照 备注").FillAsync(string.Empty);
            }

            if (name == "申报人002")
            {
                await Page.GetByLabel("一寸免冠彩色近照 缺").CheckAsync();
                await Page.GetByLabel("一寸免冠彩色近照 备注").FillAsync("照片未附");
            }

            await Page.GetByRole(AriaRole.Button, new() { Name = "确认接收" }).ClickAsync();
            await Expect(Page.Locator("#paper-message")).ToContainTextAsync($"{name}的档案袋已接收");
        }

        await Expect(Page.Locator("#envelopes tr", new() { HasText = "申报人002" })).ToContainTextAsync("材料不全");
        await Expect(Page.Locator("#envelopes tr", new() { HasText = "赵强" })).ToContainTextAsync("已接收（齐全）");
        Directory.CreateDirectory(MonitorBrowserTests.ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, "paper-counter.png"), FullPage = true });

        await Page.GetByRole(AriaRole.Link, new() { Name = "打印接收回执" }).ClickAsync();
        await Expect(Page.Locator("#receipt-counts")).ToContainTextAsync("应报送 3 袋，已接收齐全 2 袋，材料不全 1 袋");
        var missing = Page.Locator("#receipt-people tr", new() { HasText = "照片未附" });
        await Expect(missing).ToHaveCountAsync(1);
        await Expect(missing).ToContainTextAsync("一寸免冠彩色近照");
        await Expect(missing).ToContainTextAsync("缺");
        await Page.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
        await Page.Locator("[data-print]").ClickAsync();
        (await Page.EvaluateAsync<int>("() => window.printed")).Should().Be(1);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Page.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, "paper-receipt.png"), FullPage = true });
    }

    /// <summary>
    /// 赵强 (checked in without the photo on Sep 8, 2023) and two applicants copied from him, awaiting
    /// their envelopes, each with the envelope label their auditor printed: name and code.
    /// </summary>
    private async Task<IReadOnlyList<(string Name, string Code)>> ThreeEnvelopesAsync()
    {
        Guid zhao;
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            zhao = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2023 && a.ApplicantName == "赵强" select a.Id).SingleAsync();
        }

        await MoreRows.AddApplicationsLikeAsync(Factory, zhao, 2);
        var result = new List<(string, string)>();
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var copies = await db.TitleApplications.Where(a => a.UnitId == Transport && a.ApplicantName.StartsWith("申报人")).OrderBy(a => a.ApplicantName).Select(a => new { a.Id, a.ApplicantName }).ToListAsync();
            var snapshot = await db.DossierSnapshots.AsNoTracking().Where(s => s.ApplicationId == zhao).OrderByDescending(s => s.TakenAt).FirstAsync();
            foreach (var copy in copies)
            {
                db.DossierSnapshots.Add(new DossierSnapshot { Id = Guid.NewGuid(), ApplicationId = copy.Id, TakenAt = snapshot.TakenAt, Content = snapshot.Content });
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync("UPDATE WorkflowInstances SET State = 'AwaitingPaper' WHERE SubjectId = @id", new SqliteParameter("@id", copy.Id.ToString().ToUpperInvariant()));
#pragma warning restore EF1002
            }

            // The demo's story takes 赵强 on (reviewed, published, passed on his supplement); this one starts where Sep 8 left him.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync("UPDATE WorkflowInstances SET State = 'PaperIncomplete' WHERE SubjectId = @id", new SqliteParameter("@id", zhao.ToString().ToUpperInvariant()));
#pragma warning restore EF1002
            await db.SaveChangesAsync();
            var auditor = await AuditorAsync(db);
            var documents = scope.ServiceProvider.GetRequiredService<IHandler<GetDocument, DocumentView>>();
            foreach (var (id, name) in new[] { (zhao, "赵强") }.Concat(copies.Select(c => (c.Id, c.ApplicantName))))
            {
                result.Add((name, (await documents.HandleAsync(new GetDocument(id, DocumentKind.EnvelopeLabel, auditor))).VerificationCode));
            }
        }

        return result;
    }

    private static async Task<WorkflowActor> AuditorAsync(AppDbContext db)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "auditor2");
        return new WorkflowActor(user.Id, user.DisplayName, ["Auditor"], user.UnitId);
    }
}

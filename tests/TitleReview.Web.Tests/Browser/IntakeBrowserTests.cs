using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Issue 13's acceptance story in real Chromium, on the current demo campaign with a fake clock:
/// 省交通运输 has three applicants submitted to the office (the demo's 赵强 through the auditor's use
/// cases, two more copied from him); in the delivery window the office checks in their envelopes
/// with a scanner-style input (the code typed, then Enter), one with a missing item, and prints the
/// receipt; in the payment window the unit's auditor records the transfer with its voucher, the
/// office imports the bank statement (an .xlsx written here) and the unit shows as paid.
/// </summary>
public class IntakeBrowserTests : DemoCampaignBrowserTestBase
{
    private const decimal SeniorFee = 500m;
    [Test]
    public async Task Intake_TheOfficeScansThreeEnvelopesOneIncompleteAndPrintsTheReceipt_TheUnitPays_TheStatementShowsItPaid()
    {
        var zhao = await SubmitZhaoToTheOfficeAsync();
        (await ReadAsync(db => db.WorkflowInstances.CountAsync(i => i.SubjectType == WorkflowSubjectTypes.UnitPayment && i.UnitId == DemoAccounts.ProvincialTransport.Id))).Should().Be(2, "2023's payment and now 2026's");
        var envelopes = await ThreeEnvelopesAsync(zhao);
        await SetSeniorFeeAsync();

        // The demo places the delivery window 32 to 38 days after the day it was seeded, the payment window 39 to 45.
        Clock.SetUtcNow(DemoDay(33));
        await CheckInByScanningAsync(envelopes, incomplete: "申报人002");

        Clock.SetUtcNow(DemoDay(40));
        await Page.Context.ClearCookiesAsync();
        await RecordTransferWithVoucherAsync("auditor2", "刘洋", 3 * SeniorFee);
        await ImportStatementAndSeePaidAsync("刘洋", 3 * SeniorFee, DemoAccounts.ProvincialTransport.Name);
    }

    /// <summary>The office at the counter: the unit's delivery opened, each envelope scanned (code + Enter) and checked, the receipt printed.</summary>
    private async Task CheckInByScanningAsync(IReadOnlyList<(string Name, string Code)> envelopes, string incomplete)
    {
        await LoginAsync("office", DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Office/Paper?year=2026");
        await Page.GetByLabel("单位名称").FillAsync("交通");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查找单位" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.ProvincialTransport.Name }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "开启该单位的纸质材料接收" }).ClickAsync();

        foreach (var (name, code) in envelopes)
        {
            var scanner = Page.GetByLabel("扫描档案袋标签");
            await Expect(scanner).ToBeFocusedAsync();
            await scanner.PressSequentiallyAsync(code);
            await scanner.PressAsync("Enter");
            await Expect(Page.Locator("#person-title")).ToContainTextAsync(name);
            if (name == incomplete)
            {
                await Page.GetByLabel("一寸免冠彩色近照 缺").CheckAsync();
                await Page.GetByLabel("一寸免冠彩色近照 备注").FillAsync("照片未附");
            }

            await Page.GetByRole(AriaRole.Button, new() { Name = "确认接收" }).ClickAsync();
            await Expect(Page.Locator("#paper-message")).ToContainTextAsync($"{name}的档案袋已接收");
        }

        await Expect(Page.Locator("#envelopes tr", new() { HasText = incomplete })).ToContainTextAsync("材料不全");
        await Expect(Page.Locator("#envelopes tr", new() { HasText = "赵强" })).ToContainTextAsync("已接收（齐全）");

        await Page.GetByRole(AriaRole.Link, new() { Name = "打印接收回执" }).ClickAsync();
        await Expect(Page.Locator("#receipt-counts")).ToContainTextAsync("应报送 3 袋，已接收齐全 2 袋，材料不全 1 袋");
        var missing = Page.Locator("#receipt-people tr", new() { HasText = "照片未附" });
        await Expect(missing).ToHaveCountAsync(1);
        await Expect(missing).ToContainTextAsync("一寸免冠彩色近照");
        await Page.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
        await Page.Locator("[data-print]").ClickAsync();
        (await Page.EvaluateAsync<int>("() => window.printed")).Should().Be(1);
    }

    /// <summary>赵强 and two applicants copied from him, awaiting their envelopes, each with the envelope label his auditor printed: name and code.</summary>
    private async Task<IReadOnlyList<(string Name, string Code)>> ThreeEnvelopesAsync(Guid zhao)
    {
        await MoreRows.AddApplicationsLikeAsync(Factory, zhao, 2);
        var auditor = await ActorAsync("auditor2", "Auditor", DemoAccounts.ProvincialTransport.Id);
        var copies = await ReadAsync(async db =>
        {
            var snapshot = await db.DossierSnapshots.AsNoTracking().Where(s => s.ApplicationId == zhao).OrderByDescending(s => s.TakenAt).FirstAsync();
            var rows = await db.TitleApplications
                .Where(a => a.UnitId == DemoAccounts.ProvincialTransport.Id && a.ApplicantName.StartsWith("申报人"))
                .OrderBy(a => a.ApplicantName).Select(a => new { a.Id, a.ApplicantName }).ToListAsync();
            foreach (var copy in rows)
            {
                db.DossierSnapshots.Add(new DossierSnapshot { Id = Guid.NewGuid(), ApplicationId = copy.Id, TakenAt = snapshot.TakenAt, Content = snapshot.Content });
            }

            await db.SaveChangesAsync();
            return rows.Select(r => (r.Id, r.ApplicantName)).ToList();
        });

        var result = new List<(string, string)>();
        foreach (var (id, name) in new[] { (zhao, "赵强") }.Concat(copies))
        {
            result.Add((name, (await SendAsync<GetDocument, DocumentView>(new GetDocument(id, DocumentKind.EnvelopeLabel, auditor))).VerificationCode));
        }

        return result;
    }

    /// <summary>The unit's auditor fills the transfer form, attaches the voucher scan and sees the transfer awaiting reconciliation.</summary>
    private async Task RecordTransferWithVoucherAsync(string auditor, string payer, decimal amount)
    {
        await LoginAsync(auditor, DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Auditor/Payment");
        await Expect(Page.Locator("#amount-due-total")).ToHaveTextAsync(amount.ToString("0.00"));

        var voucher = Path.Combine(Path.GetTempPath(), $"voucher-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(voucher, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 转账凭证\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
        try
        {
            await Page.GetByLabel("转账日期").FillAsync(BeijingTime.Today(Clock).ToString("yyyy-MM-dd"));
            await Page.GetByLabel("付款账户名").FillAsync(payer);
            await Page.GetByLabel("转账金额（元）").FillAsync(amount.ToString("0.00"));
            await Page.GetByLabel("转账附言").FillAsync("政工系列评审费");
            await Page.GetByLabel("转账凭证扫描件").SetInputFilesAsync(voucher);
            await Page.GetByRole(AriaRole.Button, new() { Name = "登记转账" }).ClickAsync();
        }
        finally
        {
            File.Delete(voucher);
        }

        await Expect(Page.Locator("p.result")).ToContainTextAsync("已登记转账");
        await Expect(Page.Locator("#payment-status")).ToHaveTextAsync("已登记转账，待对账");
        await Expect(Page.Locator("#transfers")).ToContainTextAsync(payer);
    }

    /// <summary>The office uploads the bank statement as the bank exports it and sees the unit paid.</summary>
    private async Task ImportStatementAndSeePaidAsync(string payer, decimal amount, string unitName)
    {
        var statement = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(statement, new[]
        {
            new Dictionary<string, object> { ["交易日期"] = BeijingTime.Today(Clock).ToDateTime(TimeOnly.MinValue), ["付款人"] = payer, ["金额"] = amount, ["摘要"] = "政工系列评审费" },
        });
        try
        {
            await Page.Context.ClearCookiesAsync();
            await LoginAsync("office", DemoAccounts.Password);
            await Page.GotoAsync($"{BaseUrl}/Office/Payments");
            await Page.GetByLabel("银行流水文件").SetInputFilesAsync(statement);
            await Page.GetByRole(AriaRole.Button, new() { Name = "导入并对账" }).ClickAsync();
        }
        finally
        {
            File.Delete(statement);
        }

        await Expect(Page.Locator("p.result")).ToContainTextAsync("自动对账 1 行");
        var row = Page.Locator("#payments tr", new() { HasText = unitName });
        await Expect(row.Locator(".payment-status")).ToHaveTextAsync("已缴清");
    }

    /// <summary>The office sets this year's senior fee, as it would on the timeline page.</summary>
    private async Task SetSeniorFeeAsync()
    {
        var campaignId = await ReadAsync(db => db.Campaigns.Where(c => c.Year == 2026).Select(c => c.Id).SingleAsync());
        var rule = LevelRule.DefaultFor(TitleLevel.Senior);
        await SendAsync<UpdateLevelRule, LevelRule>(
            new UpdateLevelRule(campaignId, TitleLevel.Senior, rule.HoursPerYear, rule.EducationYears, rule.RequiredWordCount, rule.RequiredPapers, rule.MinYearsInCurrentTitle, await ActorAsync("office", "Office", null)) { ReviewFee = SeniorFee });
    }
}

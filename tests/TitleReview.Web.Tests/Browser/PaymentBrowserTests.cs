using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MiniExcelLibs;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// The payment steps of issue 13's acceptance in real Chromium, on the current demo campaign: 赵强's
/// dossier goes to the office, the payment window opens, 省交通运输's auditor records the transfer
/// with its voucher, the office imports the bank statement (an .xlsx written here) and the unit shows
/// as paid. <see cref="RecordTransferWithVoucherAsync"/> and <see cref="ImportStatementAndSeePaidAsync"/>
/// are the steps to join with the paper check-in's.
/// </summary>
public class PaymentBrowserTests : BrowserTestBase
{
    private const decimal SeniorFee = 500m;
    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private readonly FakeTimeProvider _clock = new(Monday15June2026);

    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, clock: _clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [Test]
    public async Task Payment_TheUnitRecordsATransferWithItsVoucher_TheOfficeImportsTheStatement_TheUnitShowsPaid()
    {
        await SubmitZhaoToTheOfficeAsync();
        await SetSeniorFeeAsync();
        _clock.SetUtcNow(BeijingTime.StartOfDay(BeijingTime.Today(_clock).AddDays(40)).AddHours(9));

        await RecordTransferWithVoucherAsync("auditor2", "刘洋", SeniorFee);
        await ImportStatementAndSeePaidAsync("刘洋", SeniorFee, DemoAccounts.ProvincialTransport.Name);
    }

    /// <summary>The unit's auditor fills the transfer form, attaches the voucher scan and sees the transfer awaiting reconciliation.</summary>
    protected async Task RecordTransferWithVoucherAsync(string auditor, string payer, decimal amount)
    {
        await LoginAsync(auditor, DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Auditor/Payment");
        await Expect(Page.Locator("#amount-due-total")).ToHaveTextAsync(amount.ToString("0.00"));

        var voucher = Path.Combine(Path.GetTempPath(), $"voucher-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(voucher, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 转账凭证\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
        try
        {
            await Page.GetByLabel("转账日期").FillAsync(BeijingTime.Today(_clock).ToString("yyyy-MM-dd"));
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
    protected async Task ImportStatementAndSeePaidAsync(string payer, decimal amount, string unitName)
    {
        var statement = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(statement, new[]
        {
            new Dictionary<string, object> { ["交易日期"] = BeijingTime.Today(_clock).ToDateTime(TimeOnly.MinValue), ["付款人"] = payer, ["金额"] = amount, ["摘要"] = "政工系列评审费" },
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

    /// <summary>The demo's 赵强 is submitted to his auditor: approved, publicised for five working days, then submitted to the office.</summary>
    private async Task SubmitZhaoToTheOfficeAsync()
    {
        var zhao = await ReadAsync(db => (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2026 && a.ApplicantName == "赵强" select a.Id).SingleAsync());
        using var auditor = await SignedInClientAsync(Factory, "auditor2");
        var dossier = await auditor.GetFromJsonAsync<JsonElement>($"/api/applications/{zhao}/dossier");
        foreach (var scan in dossier.GetProperty("attachments").EnumerateArray())
        {
            (await auditor.GetAsync($"/files/{scan.GetProperty("id").GetGuid()}")).EnsureSuccessStatusCode();
        }

        foreach (var item in dossier.GetProperty("mandatory").EnumerateArray())
        {
            (await auditor.PostAsJsonAsync($"/api/applications/{zhao}/dossier/verifications", new { itemKey = item.GetProperty("key").GetString(), verified = true })).EnsureSuccessStatusCode();
        }

        (await auditor.PostAsJsonAsync($"/api/applications/{zhao}/dossier/approve", new { })).EnsureSuccessStatusCode();
        (await auditor.PostAsJsonAsync("/api/publicity/start", new { applicationIds = new[] { zhao } })).EnsureSuccessStatusCode();
        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2026, 6, 23, 9, 0, 0)));
        (await auditor.PostAsJsonAsync($"/api/applications/{zhao}/publicity/result", new { outcome = "NoObjection" })).EnsureSuccessStatusCode();
        (await auditor.PostAsJsonAsync("/api/publicity/submit-to-office", new { applicationIds = new[] { zhao } })).EnsureSuccessStatusCode();
        (await ReadAsync(db => db.WorkflowInstances.CountAsync(i => i.SubjectType == WorkflowSubjectTypes.UnitPayment && i.UnitId == DemoAccounts.ProvincialTransport.Id))).Should().Be(2, "2023's payment and now 2026's");
    }

    /// <summary>The office sets this year's senior fee, as it would on the timeline page.</summary>
    private async Task SetSeniorFeeAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var office = await db.Users.Where(u => u.UserName == "office").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var campaignId = await db.Campaigns.Where(c => c.Year == 2026).Select(c => c.Id).SingleAsync();
        var rule = LevelRule.DefaultFor(TitleLevel.Senior);
        await scope.ServiceProvider.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>().HandleAsync(
            new UpdateLevelRule(campaignId, TitleLevel.Senior, rule.HoursPerYear, rule.EducationYears, rule.RequiredWordCount, rule.RequiredPapers, rule.MinYearsInCurrentTitle, new WorkflowActor(office.Id, office.DisplayName, ["Office"])) { ReviewFee = SeniorFee });
    }

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

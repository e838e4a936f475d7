using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MiniExcelLibs;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

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
        // The demo places the payment window 39 to 45 days after the day it was seeded.
        _clock.SetUtcNow(BeijingTime.StartOfDay(BeijingTime.DateOf(Monday15June2026).AddDays(40)).AddHours(9));

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

    /// <summary>
    /// The demo's 赵强 goes to the office through the auditor's use cases (the browser part of the
    /// review is other tests' business): every scan opened and item ticked, approved, publicised for
    /// five working days, no objection, submitted.
    /// </summary>
    private async Task SubmitZhaoToTheOfficeAsync()
    {
        var zhao = await ReadAsync(db => (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2026 && a.ApplicantName == "赵强" select a.Id).SingleAsync());
        var auditor = await ActorAsync("auditor2", "Auditor", DemoAccounts.ProvincialTransport.Id);
        var dossier = await SendAsync<GetDossier, DossierView>(new GetDossier(zhao, auditor));
        foreach (var scan in dossier.Attachments.Values)
        {
            await using var opened = (await SendAsync<OpenAttachment, OpenedAttachment>(new OpenAttachment(scan.Id, auditor))).Content;
        }

        foreach (var item in dossier.Mandatory)
        {
            await SendAsync<VerifyItem, Guid>(new VerifyItem(zhao, item.Key, true, auditor));
        }

        await SendAsync<ApproveDossier, FireResult>(new ApproveDossier(zhao, auditor));
        await SendAsync<StartUnitPublicity, PublicityStarted>(new StartUnitPublicity([zhao], auditor));
        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2026, 6, 23, 9, 0, 0)));
        await SendAsync<RecordUnitPublicity, FireResult>(new RecordUnitPublicity(zhao, PublicityOutcome.NoObjection, null, auditor));
        await SendAsync<SubmitToOffice, int>(new SubmitToOffice([zhao], auditor));
        (await ReadAsync(db => db.WorkflowInstances.CountAsync(i => i.SubjectType == WorkflowSubjectTypes.UnitPayment && i.UnitId == DemoAccounts.ProvincialTransport.Id))).Should().Be(2, "2023's payment and now 2026's");
    }

    /// <summary>The office sets this year's senior fee, as it would on the timeline page.</summary>
    private async Task SetSeniorFeeAsync()
    {
        var campaignId = await ReadAsync(db => db.Campaigns.Where(c => c.Year == 2026).Select(c => c.Id).SingleAsync());
        var rule = LevelRule.DefaultFor(TitleLevel.Senior);
        await SendAsync<UpdateLevelRule, LevelRule>(
            new UpdateLevelRule(campaignId, TitleLevel.Senior, rule.HoursPerYear, rule.EducationYears, rule.RequiredWordCount, rule.RequiredPapers, rule.MinYearsInCurrentTitle, await ActorAsync("office", "Office", null)) { ReviewFee = SeniorFee });
    }

    private async Task<WorkflowActor> ActorAsync(string userName, string role, Guid? unitId)
    {
        var user = await ReadAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName }).SingleAsync());
        return new WorkflowActor(user.Id, user.DisplayName, [role], unitId);
    }

    private async Task<TResult> SendAsync<TCommand, TResult>(TCommand command)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command);
    }

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

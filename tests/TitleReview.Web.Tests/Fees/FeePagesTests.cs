using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Fees;

/// <summary>
/// The fee pages on the demo's 2023 history: 黔南能源 recorded its transfer and the imported statement
/// found it paid; 省交通运输 never paid and is overdue since the window closed on Sep 15.
/// </summary>
public class FeePagesTests
{
    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;

    [SetUp]
    public void SetUp() =>
        _factory = new TitleReviewFactory(clock: new FakeTimeProvider(Monday15June2026), settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task OfficeReconciliation_For2023_ShowsEachUnitsDueAndStatus_AndListsTheUnitThatNeverPaid()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var page = await office.GetStringAsync("/Office/Payments?year=2023");

        page.Should().Contain("评审费对账").And.Contain("黔南能源集团有限公司").And.Contain("已缴清").And.Contain("300.00");
        page.Should().Contain("缴费期截止后未缴清的单位").And.Contain("逾期未缴费");
        page.Should().NotContain("待处理的银行流水", "the stray row was set aside with a note");
        var incoming = await office.GetStringAsync("/Office/Incoming?year=2023");
        incoming.Should().Contain("评审费：逾期未缴费");
    }

    [Test]
    public async Task UnitPayment_For2023_ShowsTheBreakdownAndTheVoucher_ToItsOwnAuditorOnly()
    {
        var auditor1 = await SignedInClientAsync(_factory, "auditor1");
        var page = await auditor1.GetStringAsync("/Auditor/Payment?year=2023");
        page.Should().Contain("政工师").And.Contain("300.00").And.Contain("已缴清").And.Contain("黔南能源-评审费转账凭证.pdf");
        page.Should().Contain("当前不在缴费时间内");

        var voucher = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/files/vouchers/[0-9a-f-]+)\"").Groups[1].Value;
        var opened = await auditor1.GetAsync(voucher);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        opened.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");

        var auditor2 = await SignedInClientAsync(_factory, "auditor2");
        (await auditor2.GetAsync(voucher)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var office = await SignedInClientAsync(_factory, "office");
        (await office.GetAsync(voucher)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task FeePages_ForTheWrongRole_AreRefused()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        (await applicant.GetAsync("/Auditor/Payment")).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        (await auditor.GetAsync("/Office/Payments")).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        (await auditor.GetAsync("/api/office/payments")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RecordTransfer_WithAnUnreadableAmountOrAfterTheWindow_SaysWhyInChineseAndRecordsNothing()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var page = await auditor.GetStringAsync("/Auditor/Payment?year=2023");
        var campaignId = await CampaignIdAsync(2023);

        var unreadable = await PostRecordAsync(auditor, page, campaignId, amount: "三百元");
        unreadable.StatusCode.Should().Be(HttpStatusCode.OK);
        (await unreadable.Content.ReadAsStringAsync()).Should().Contain("转账金额须填写数字");

        var late = await PostRecordAsync(auditor, page, campaignId, amount: "500");
        late.StatusCode.Should().Be(HttpStatusCode.OK);
        (await late.Content.ReadAsStringAsync()).Should().Contain("不能登记转账").And.Contain("截止");

        using var scope = _factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().PaymentTransfers.CountAsync()).Should().Be(1, "only 黔南能源's transfer of the demo");
    }

    [Test]
    public async Task ImportStatement_WithAFileThatIsNoStatement_IsRefusedClearly()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/Payments?year=2023");
        var form = new MultipartFormDataContent
        {
            { new StringContent(ReadAntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent((await CampaignIdAsync(2023)).ToString()), "campaignId" },
            { new ByteArrayContent("交易日期,付款人\n2023-09-12,王敏\n"u8.ToArray()), "statement", "流水.txt" },
        };

        var response = await office.PostAsync("/Office/Payments?handler=Import&year=2023", form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("请选择银行流水文件：Excel（.xlsx）或 CSV（.csv）。");
    }

    private static Task<HttpResponseMessage> PostRecordAsync(HttpClient client, string page, Guid campaignId, string amount)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(ReadAntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(campaignId.ToString()), "campaignId" },
            { new StringContent("2023-09-12"), "paidOn" },
            { new StringContent("刘洋"), "payerAccountName" },
            { new StringContent(amount), "amount" },
            { new ByteArrayContent("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray()), "voucher", "凭证.pdf" },
        };
        return client.PostAsync("/Auditor/Payment?handler=Record&year=2023", form);
    }

    private async Task<Guid> CampaignIdAsync(int year)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Campaigns.Where(c => c.Year == year).Select(c => c.Id).SingleAsync();
    }
}

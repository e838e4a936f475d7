using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Documents;

/// <summary>
/// The office's counter and the receipt through the real pipeline, on the demo's 2023 history:
/// on Sep 8, 2023 李华's envelope (黔南) came complete and 赵强's (交通) without the photo.
/// </summary>
public class PaperCounterPageTests
{
    /// <summary>The counter with a unit and a person open: the session's, the campaigns, the campaign, the submitted cases, deliveries, exceptions, units, check-ins, the unit.</summary>
    private const int CounterBudget = 13;  // Issue 18: +1, the header's unread count.

    /// <summary>The receipt once issued: the session's, the campaign, the delivery with its envelopes and items, the unit, the cases, the current receipt.</summary>
    private const int ReceiptBudget = 11;  // Issue 18: +1, the header's unread count.

    private static readonly Guid Qiannan = DemoAccounts.QiannanEnergy.Id;
    private static readonly Guid Transport = DemoAccounts.ProvincialTransport.Id;

    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await (from a in db.TitleApplications
                         join c in db.Campaigns on a.CampaignId equals c.Id
                         where c.Year == DemoCampaigns.HistoryYear
                         select new { a.Id, a.ApplicantName }).ToListAsync();
        _li = ids.Single(i => i.ApplicantName == "李华").Id;
        _zhao = ids.Single(i => i.ApplicantName == "赵强").Id;
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Counter_ForTheOffice_ShowsEachUnitsEnvelopesAndThePersonsChecklist_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Paper?year=2023&unitId={Transport}&applicationId={_zhao}";

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = await office.GetStringAsync(path);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(CounterBudget);
        page.Should().Contain("黔南能源集团有限公司").And.Contain("贵州省示范交通投资集团有限公司");
        page.Should().Contain("材料不全").And.Contain("一寸免冠彩色近照：缺");
        page.Should().Contain("已截止，逾期不再接收").And.Contain("单位特例接收");
        page.Should().Contain("单位推荐意见").And.Contain("经审核，该同志情况属实，同意推荐。", "the office compares the typed opinions with the sealed paper form");
        (await office.GetStringAsync($"/Office/Paper?year=2023&unitId={Qiannan}")).Should().Contain("已接收（齐全）");
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task Counter_ForAnyoneButTheOffice_IsRefused(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync("/Office/Paper?year=2023");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (response.Headers.Location?.ToString() ?? string.Empty).Should().NotContain("/Office/Paper");
    }

    [Test]
    public async Task Scan_OfAnUnknownCode_ShowsWhyInChinese_AndStaysOnThePage()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Paper?year=2023&unitId={Qiannan}";
        var page = await office.GetStringAsync(path);

        var response = await office.PostAsync($"/Office/Paper?handler=Scan&year=2023&unitId={Qiannan}", Form(page, ("code", "ZZZZ2222")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("未找到校验码为“ZZZZ2222”的档案袋标签");
    }

    [Test]
    public async Task CheckIn_AfterTheWindow_IsRefusedInChinese_AndChangesNothing()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync($"/Office/Paper?year=2023&unitId={Transport}&applicationId={_zhao}");
        var before = await CheckInCountAsync();
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = ReadAntiforgeryToken(page) };
        for (var i = 0; i < 6; i++)
        {
            fields[$"items[{i}].Number"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"items[{i}].Status"] = "Received";
        }

        var response = await office.PostAsync($"/Office/Paper?handler=CheckIn&year=2023&unitId={Transport}&applicationId={_zhao}", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().MatchRegex("逾期不再接收|请逐项勾选");
        (await CheckInCountAsync()).Should().Be(before);
        (await office.GetStringAsync($"/Office/Paper?year=2023&unitId={Transport}")).Should().Contain("材料不全", "赵强's envelope is still as checked in");
    }

    [Test]
    public async Task Exception_WithoutReasonOrUntil_GivesFieldMessages_AndChangesNothing()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync($"/Office/Paper?year=2023&unitId={Transport}");

        var response = await office.PostAsync($"/Office/Paper?handler=Exception&year=2023&unitId={Transport}", Form(page, ("reason", " "), ("until", "")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("请填写特例接收的原因").And.Contain("请填写特例接收的截止时间");
        using var scope = _factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().PaperDeliveryExceptions.CountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Receipt_PrintsWhatCameAndWhatIsMissing_ItsCodeVerifies_AndTheAuditorPrintsItsOwn()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Paper/Receipt?year=2023&unitId={Transport}";
        await office.GetStringAsync(path);

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var receipt = await office.GetStringAsync(path);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ReceiptBudget);
        receipt.Should().Contain("纸质申报材料接收回执").And.Contain("赵强").And.Contain("data-print");
        receipt.Should().Contain("应报送 1 袋，已接收齐全 0 袋，材料不全 1 袋");
        var code = Regex.Match(receipt, "id=\"receipt-code\">([A-Z0-9]{8})<").Groups[1].Value;
        code.Should().HaveLength(8);

        var anonymous = _factory.CreateClient();
        var verified = await anonymous.GetStringAsync($"/Verify?code={code}");
        verified.Should().Contain("纸质申报材料接收回执").And.Contain("贵州省示范交通投资集团有限公司").And.Contain("有效（当前回执）");
        verified.Should().NotContain("赵强", "the public page shows the counts, not the people");

        var auditor = await SignedInClientAsync(_factory, "auditor2");
        (await auditor.GetStringAsync("/Auditor/Receipt?year=2023")).Should().Contain(code);
        var otherAuditor = await SignedInClientAsync(_factory, "auditor1");
        (await otherAuditor.GetStringAsync("/Auditor/Receipt?year=2023")).Should().NotContain("赵强").And.Contain("李华");
    }

    [Test]
    public async Task EnvelopeLabel_CarriesItsCodeAsAQrCode_AndInPrint()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var label = await auditor.GetStringAsync($"/Documents/{_li}/envelope");

        label.Should().Contain("id=\"env-qr\"").And.Contain("<svg");
        var code = Regex.Match(label, "data-code=\"([A-Z0-9]{8})\"").Groups[1].Value;
        label.Should().Contain($"接收扫码：<strong>{code}</strong>");
    }

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", ReadAntiforgeryToken(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    private async Task<int> CheckInCountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EnvelopeCheckIns.Where(e => e.ApplicationId == _zhao).Select(e => e.Corrections).SingleAsync();
    }
}

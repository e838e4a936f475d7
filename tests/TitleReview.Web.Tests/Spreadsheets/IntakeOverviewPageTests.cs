using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Spreadsheets;

/// <summary>
/// The office's intake view on /Office/Incoming and its two sheets, on the demo's 2023: 黔南 brought
/// 李华's envelope complete and paid; 交通 brought 赵强's without the photo and never paid.
/// </summary>
public class IntakeOverviewPageTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The campaign; the paper intake (the campaign, the submitted cases, the deliveries with their
    /// check-ins, the exceptions, the unit cards, the duplicated scans in two); the payments (the
    /// campaign, the payments, their instances, the submitted levels) and the unpaid units; the units' regions.
    /// </summary>
    private const int OverviewBudget = 15;  // Issue 18: +1, the header's unread count on the page (the exports render no header).

    private TitleReviewFactory _factory = null!;

    [OneTimeSetUp]
    public void SetUp() => _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Page_ForTheOffice_ShowsEachUnitsPaperAndFee_WithTotalsAndLinks()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var html = await office.GetStringAsync("/Office/Incoming?year=2023");

        html.Should().Contain("id=\"intake-units\"").And.Contain("id=\"intake-totals\"").And.Contain("合计");
        html.Should().Contain($"/Office/Paper?year=2023&amp;unitId={DemoAccounts.QiannanEnergy.Id}", "each unit links to its counter");
        html.Should().Contain($"/Office/Paper/Receipt?year=2023&amp;unitId={DemoAccounts.ProvincialTransport.Id}", "a unit with envelopes checked in has a receipt");
        html.Should().Contain("/Office/Payments?year=2023");
        html.Should().Contain("已缴清").And.Contain("逾期未缴费").And.Contain("300.00");
        html.Should().Contain("材料不全（1 项）").And.Contain("一寸免冠彩色近照：缺");
        html.Should().Contain("id=\"intake-export-units\"").And.Contain("/Office/Incoming?year=2023&amp;handler=ExportUnits");
        html.Should().Contain("id=\"intake-export-people\"").And.Contain("/Office/Incoming?year=2023&amp;handler=ExportPeople");
    }

    [Test]
    public async Task Page_ForAYearWithoutACampaign_SaysSo()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var html = await office.GetStringAsync("/Office/Incoming?year=2031");

        html.Should().Contain("2031 年度尚无评审。");
    }

    [TestCase("auditor1", "/Office/Incoming?year=2023")]
    [TestCase("applicant1", "/Office/Incoming?year=2023")]
    [TestCase("auditor1", "/Office/Incoming?handler=ExportUnits&year=2023")]
    [TestCase("applicant1", "/Office/Incoming?handler=ExportPeople&year=2023")]
    public async Task PageAndExports_ForAnyoneButTheOffice_AreRefused(string userName, string url)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().NotBe(Xlsx);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("逾期未缴费");
    }

    [Test]
    public async Task ExportUnits_ReadBack_HasChineseHeadersAndEachUnitsCheckInAndFee()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/Office/Incoming?handler=ExportUnits&year=2023");

        response.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("2023年度各单位纸质材料接收与评审费.xlsx");
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(body).Should().Equal("各单位接收与缴费");
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["单位"]).Should().BeEquivalentTo([DemoAccounts.QiannanEnergy.Name, DemoAccounts.ProvincialTransport.Name]);
        var qiannan = rows.Single(r => (string)r["单位"] == DemoAccounts.QiannanEnergy.Name);
        Convert.ToInt32(qiannan["报送人数"]).Should().Be(1);
        Convert.ToInt32(qiannan["已接收（齐全）"]).Should().Be(1);
        Convert.ToDecimal(qiannan["应缴金额（元）"]).Should().Be(300m);
        Convert.ToDecimal(qiannan["实收金额（元）"]).Should().Be(300m);
        qiannan["缴费状态"].Should().Be("已缴清");
        var transport = rows.Single(r => (string)r["单位"] == DemoAccounts.ProvincialTransport.Name);
        Convert.ToInt32(transport["材料不全"]).Should().Be(1);
        Convert.ToInt32(transport["缺少或有误的材料（项）"]).Should().Be(1);
        transport["缴费状态"].Should().Be("逾期未缴费");
    }

    [Test]
    public async Task ExportPeople_ReadBack_NamesEachPersonsPaperStatusAndMissingItems()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/Office/Incoming?handler=ExportPeople&year=2023");

        response.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows[0].Keys.Should().Equal("单位", "申报人", "申报资格", "状态", "纸质材料", "缺少或有误的材料（项）", "缺少或有误的材料", "单位缴费状态");
        var li = rows.Single(r => (string)r["申报人"] == "李华");
        li["纸质材料"].Should().Be("已接收（齐全）");
        li["单位缴费状态"].Should().Be("已缴清");
        var zhao = rows.Single(r => (string)r["申报人"] == "赵强");
        zhao["单位"].Should().Be(DemoAccounts.ProvincialTransport.Name);
        zhao["纸质材料"].Should().Be("材料不全");
        ((string)zhao["缺少或有误的材料"]).Should().StartWith("一寸免冠彩色近照：缺");
        zhao["单位缴费状态"].Should().Be("逾期未缴费");
    }

    [Test]
    public async Task PageAndExports_WithMoreUnitsAndPeople_StayWithinBudget_AndDoNotGrow()
    {
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        var office = await SignedInClientAsync(factory, "office");
        Guid li;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            li = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2023 && a.ApplicantName == "李华" select a.Id).SingleAsync();
        }

        string[] urls = ["/Office/Incoming?year=2023", "/Office/Incoming?handler=ExportUnits&year=2023", "/Office/Incoming?handler=ExportPeople&year=2023"];
        var before = new List<QueryMeasurement>();
        foreach (var url in urls)
        {
            before.Add(await factory.Queries!.MeasureAsync(() => office.GetAsync(url)));
        }

        await MoreRows.AddApplicationsLikeAsync(factory, li, 5);
        await MoreRows.AddUnitsLikeAsync(factory, li, units: 4, applicantsEach: 3);
        for (var i = 0; i < urls.Length; i++)
        {
            var after = await factory.Queries!.MeasureAsync(() => office.GetAsync(urls[i]));
            after.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OverviewBudget, urls[i]).And.NotGrowFrom(before[i]);
        }

        var html = await office.GetStringAsync(urls[0]);
        html.Should().Contain("复制单位004").And.Contain("单位004申报人003 的材料");
        html.Should().Contain("共 6 个单位").And.Contain("<strong id=\"incoming-total\">19</strong>");
    }
}

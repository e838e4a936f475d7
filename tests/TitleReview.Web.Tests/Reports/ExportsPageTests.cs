using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Reports;

/// <summary>
/// 数据导出 (issue 18): every export of the demo's 2023 campaign opens with MiniExcel, with its Chinese
/// headers and the rows the demo's history gives (李华 and 张丽 of 黔南能源, 赵强 and 周婷 of 交通;
/// 李华 and 赵强 went all the way to their certificates).
/// </summary>
public class ExportsPageTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        _office = await SignedInClientAsync(_factory, "office");
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task ExportsPage_ForTheOffice_OffersEveryExportOfTheYearAsAGetDownload()
    {
        var html = await _office.GetStringAsync("/Office/Exports?year=2023");

        string[] ids = ["export-applicants", "export-unit-publicity", "export-incoming", "export-fees", "export-paper-units", "export-paper-people", "export-units", "export-certificates",
            $"export-publicity-{PublicPublicityKind.PreliminaryResults}", $"export-publicity-{PublicPublicityKind.CommitteeList}", $"export-publicity-{PublicPublicityKind.CommitteeResults}"];
        foreach (var id in ids)
        {
            html.Should().Contain($"id=\"{id}\"");
        }

        html.Should().Contain("/Office/Exports?year=2023&amp;handler=Applicants").And.Contain("数据导出");
    }

    [Test]
    public async Task Applicants_PerUnitAndLevel_WithTheStateByItsChineseName()
    {
        var rows = await SheetAsync("/Office/Exports?handler=Applicants&year=2023", "2023年度申报人员及状态.xlsx", "申报人",
            ["单位", "地区", "单位性质", "申报资格", "申报人", "状态", "申报时间（北京时间）"]);

        rows.Select(r => (string)r["申报人"]).Should().BeEquivalentTo("李华", "张丽", "赵强", "周婷");
        var li = rows.Single(r => (string)r["申报人"] == "李华");
        li["单位"].Should().Be("黔南能源集团有限公司");
        li["地区"].Should().Be("黔南州");
        li["单位性质"].Should().Be("市（州）企业");
        li["申报资格"].Should().Be("政工师");
        li["申报时间（北京时间）"].Should().Be(new DateTime(2023, 8, 2, 20, 15, 0), "started at 20:15 Beijing time");
        rows.Single(r => (string)r["申报人"] == "周婷")["状态"].Should().Be("一票否决（评审未通过）");
        rows.Should().OnlyContain(r => !string.IsNullOrEmpty((string)r["状态"]));
        var units = rows.Select(r => (string)r["单位"]).ToList();
        var runs = 1 + units.Zip(units.Skip(1)).Count(pair => pair.First != pair.Second);
        runs.Should().Be(units.Distinct().Count(), "each unit's applicants stay together");
    }

    [Test]
    public async Task UnitPublicity_ListsTheUnitsOwnPublicityWithItsResult()
    {
        var rows = await SheetAsync("/Office/Exports?handler=UnitPublicity&year=2023", "2023年度单位公示情况.xlsx", "单位公示",
            ["单位", "地区", "申报人", "申报资格", "公示开始日期", "公示结束日期", "公示结果", "异议及处理情况", "结果记录时间（北京时间）"]);

        rows.Select(r => (string)r["申报人"]).Should().BeEquivalentTo("李华", "赵强");
        rows.Should().OnlyContain(r => (string)r["公示结果"] == "无异议");
        rows.Should().OnlyContain(r => (DateTime)r["公示结束日期"] > (DateTime)r["公示开始日期"]);
    }

    [Test]
    public async Task Fees_PerUnit_DueRecordedAndReconciled()
    {
        var rows = await SheetAsync("/Office/Exports?handler=Fees&year=2023", "2023年度各单位评审费缴纳与对账.xlsx", "评审费",
            ["单位", "地区", "报送人数", "应缴金额（元）", "未设收费标准的级别", "单位登记缴费金额（元）", "对账实收金额（元）", "已对账缴清", "对账时间（北京时间）", "缴费状态"]);

        rows.Should().HaveCount(2);
        var qiannan = rows.Single(r => (string)r["单位"] == "黔南能源集团有限公司");
        qiannan["已对账缴清"].Should().Be("是");
        Convert.ToDecimal(qiannan["对账实收金额（元）"]).Should().Be(Convert.ToDecimal(qiannan["应缴金额（元）"]));
        Convert.ToDecimal(qiannan["单位登记缴费金额（元）"]).Should().BeGreaterThan(0);
        var transport = rows.Single(r => (string)r["单位"] == "贵州省示范交通投资集团有限公司");
        transport["已对账缴清"].Should().Be("否", "省交通运输 never paid");
        Convert.ToDecimal(transport["对账实收金额（元）"]).Should().Be(0);
    }

    [Test]
    public async Task UnitsAndAuditors_MaskTheAuditorsMobiles()
    {
        var rows = await SheetAsync("/Office/Exports?handler=Units&year=2023", "2023年度申报单位及单位审核人.xlsx", "单位及审核人",
            ["登记编号", "单位名称", "统一社会信用代码", "单位性质", "地区", "主管部门", "审核人", "审核人手机", "登记状态", "登记时间（北京时间）"]);

        var qiannan = rows.Single(r => (string)r["单位名称"] == "黔南能源集团有限公司");
        qiannan["审核人"].Should().Be("王敏");
        qiannan["审核人手机"].Should().Be("138****0101");
        qiannan["单位性质"].Should().Be("市（州）企业");
        rows.Should().OnlyContain(r => ((string)r["审核人手机"]).Contains("****"));
    }

    [TestCase("Incoming", "2023年度单位报送材料.xlsx", "报送材料", "单位", 2)]
    [TestCase("PaperUnits", "2023年度各单位纸质材料接收与评审费.xlsx", "各单位接收与缴费", "单位", 2)]
    [TestCase("PaperPeople", "2023年度申报人纸质材料接收情况.xlsx", "申报人纸质材料", "单位", 2)]
    [TestCase("Certificates", "2023年度政工专业职务任职资格证书.xlsx", "证书", "证书编号", 2)]
    public async Task ExistingExports_AreOfferedHereToo(string handler, string fileName, string sheet, string firstHeader, int count)
    {
        var response = await _office.GetAsync($"/Office/Exports?handler={handler}&year=2023");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(fileName);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(body).Should().Equal(sheet);
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(count);
        rows[0].Keys.First().Should().Be(firstHeader);
    }

    [TestCase(PublicPublicityKind.PreliminaryResults, 2)]
    [TestCase(PublicPublicityKind.CommitteeList, 2)]
    [TestCase(PublicPublicityKind.CommitteeResults, 2)]
    public async Task PublishedLists_OpenAsTheirPagesSheets(PublicPublicityKind kind, int count)
    {
        Guid id;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = await (from p in db.PublicPublicities join c in db.Campaigns on p.CampaignId equals c.Id where c.Year == 2023 && p.Kind == kind select p.Id).SingleAsync();
        }

        var response = await _office.GetAsync($"/Office/Exports?handler=Publicity&id={id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(count);
        rows.Select(r => r["姓名"]).Should().BeEquivalentTo(new object[] { "李华", "赵强" });
    }

    [Test]
    public async Task Exports_ForTheInspector_DownloadToo()
    {
        var inspector = await SignedInClientAsync(_factory, "inspector1");

        var page = await inspector.GetAsync("/Office/Exports?year=2023");
        var sheet = await inspector.GetAsync("/Office/Exports?handler=Applicants&year=2023");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        sheet.StatusCode.Should().Be(HttpStatusCode.OK);
        sheet.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx);
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task Exports_ForAnyoneButTheOfficeAndTheInspector_AreRefused(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync("/Office/Exports?handler=Units&year=2023");

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().NotBe(Xlsx);
    }

    [Test]
    public async Task Applicants_WithMoreApplications_StreamsInAFixedNumberOfCommands()
    {
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        var office = await SignedInClientAsync(factory, "office");
        Guid li;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            li = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2023 && a.ApplicantName == "李华" select a.Id).SingleAsync();
        }

        string[] urls = ["/Office/Exports?handler=Applicants&year=2023", "/Office/Exports?handler=UnitPublicity&year=2023", "/Office/Exports?handler=Units&year=2023", "/Office/Exports?handler=Fees&year=2023"];
        var before = new List<QueryMeasurement>();
        foreach (var url in urls)
        {
            before.Add(await factory.Queries!.MeasureAsync(() => office.GetAsync(url)));
        }

        await MoreRows.AddApplicationsLikeAsync(factory, li, 30);
        for (var i = 0; i < urls.Length; i++)
        {
            var after = await factory.Queries!.MeasureAsync(() => office.GetAsync(urls[i]));
            before[i].Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(10, urls[i]);
            after.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(before[i], urls[i]);
        }

        await using var body = new MemoryStream(await office.GetByteArrayAsync(urls[0]));
        MiniExcel.Query(body, useHeaderRow: true).Should().HaveCount(34);
    }

    private async Task<List<IDictionary<string, object>>> SheetAsync(string url, string fileName, string sheet, string[] headers)
    {
        var response = await _office.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(fileName);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(body).Should().Equal(sheet);
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().NotBeEmpty();
        rows[0].Keys.Should().Equal(headers);
        return rows;
    }
}

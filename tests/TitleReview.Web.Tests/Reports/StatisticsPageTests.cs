using System.Net;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Reports;

/// <summary>
/// 统计分析 (issue 18) on the demo's 2023 campaign: four applied (李华 and 周婷 政工师, 张丽 助理政工师,
/// 赵强 高级政工师; 黔南州 and 省直 two each), 李华 and 赵强 were submitted, received, passed the
/// preliminary review (赵强 on his supplement), the committee and got certificates; 张丽 never
/// submitted and 周婷 was vetoed before submitting.
/// </summary>
public class StatisticsPageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _office = await SignedInClientAsync(_factory, "office");
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Dashboard_OfTheDemo2023Campaign_ShowsTheFunnelWithItsDropOffs()
    {
        var html = await _office.GetStringAsync("/Office/Statistics?year=2023");

        html.Should().Contain("<strong id=\"statistics-applied\">4</strong>");
        html.Should().Contain("<tr data-stage=\"registered\"><th scope=\"row\">申报</th><td class=\"count\">4</td><td class=\"dropped\">—</td></tr>");
        html.Should().Contain("<tr data-stage=\"submitted\"><th scope=\"row\">单位报送</th><td class=\"count\">2</td><td class=\"dropped\">2</td></tr>");
        html.Should().Contain("<tr data-stage=\"received\"><th scope=\"row\">省职评办接收纸质材料</th><td class=\"count\">2</td><td class=\"dropped\">0</td></tr>");
        html.Should().Contain("<tr data-stage=\"preliminaryPassed\"><th scope=\"row\">初审通过</th><td class=\"count\">2</td><td class=\"dropped\">0</td></tr>");
        html.Should().Contain("<tr data-stage=\"committeePassed\"><th scope=\"row\">评审通过</th><td class=\"count\">2</td><td class=\"dropped\">0</td></tr>");
        html.Should().Contain("<tr data-stage=\"certified\"><th scope=\"row\">发放证书</th><td class=\"count\">2</td><td class=\"dropped\">0</td></tr>");
    }

    [Test]
    public async Task Dashboard_OfTheDemo2023Campaign_ShowsPassRatesAndTheBreakdowns()
    {
        var html = await _office.GetStringAsync("/Office/Statistics?year=2023");

        html.Should().Contain("<th scope=\"row\">助理政工师</th><td class=\"applied\">1</td><td class=\"referred\">0</td><td class=\"passed\">0</td>");
        html.Should().Contain("<td class=\"rate-referred\">—</td><td class=\"rate-applied\">0.0%</td>");
        html.Should().Contain("<th scope=\"row\">政工师</th><td class=\"applied\">2</td><td class=\"referred\">1</td><td class=\"passed\">1</td>");
        html.Should().Contain("<td class=\"rate-referred\">100.0%</td><td class=\"rate-applied\">50.0%</td>");
        html.Should().Contain("<th scope=\"row\">高级政工师</th><td class=\"applied\">1</td><td class=\"referred\">1</td><td class=\"passed\">1</td>");
        html.Should().Contain("<tr><th scope=\"row\">黔南州</th><td class=\"count\">2</td></tr>");
        html.Should().Contain("<tr><th scope=\"row\">省直</th><td class=\"count\">2</td></tr>");
        html.Should().Contain("<tr><th scope=\"row\">省直企业</th><td class=\"count\">2</td></tr>");
        html.Should().Contain("<tr><th scope=\"row\">市（州）企业</th><td class=\"count\">2</td></tr>");
        html.Should().Contain("<tr><th scope=\"row\">省外企业</th><td class=\"count\">0</td></tr>");
        html.Should().Contain("<tr data-year=\"2023\"><th scope=\"row\">2023</th><td class=\"applied\">4</td><td class=\"submitted\">2</td><td class=\"referred\">2</td><td class=\"passed\">2</td><td class=\"certified\">2</td>");
    }

    [Test]
    public async Task Dashboard_ShowsEachChartAsAnImageWithItsDownload()
    {
        var html = await _office.GetStringAsync("/Office/Statistics?year=2023");

        foreach (var kind in new[] { "Funnel", "PassRate", "Level", "Region", "Nature", "Years" })
        {
            html.Should().Contain($"src=\"/Office/Statistics/Chart?kind={kind}&amp;year=2023\"");
            html.Should().Contain($"href=\"/Office/Statistics/Chart?kind={kind}&amp;year=2023&amp;download=1\"");
        }
    }

    [TestCase("Funnel")]
    [TestCase("PassRate")]
    [TestCase("Level")]
    [TestCase("Region")]
    [TestCase("Nature")]
    [TestCase("Years")]
    public async Task Chart_IsAValidPng(string kind)
    {
        var response = await _office.GetAsync($"/Office/Statistics/Chart?kind={kind}&year=2023");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var png = await response.Content.ReadAsByteArrayAsync();
        png.Take(8).Should().Equal(PngSignature);
        png.Length.Should().BeGreaterThan(5_000, "an 800×420 chart with bars and labels, not an empty image");
        response.Content.Headers.ContentDisposition.Should().BeNull("shown in the page");
    }

    [Test]
    public async Task Chart_WithDownload_IsAnAttachmentWithAChineseName()
    {
        var response = await _office.GetAsync("/Office/Statistics/Chart?kind=funnel&year=2023&download=1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.Should().Be("2023年度申报评审漏斗.png");
    }

    [Test]
    public async Task DashboardAndChart_ForTheInspector_Read()
    {
        var inspector = await SignedInClientAsync(_factory, "inspector1");

        (await inspector.GetAsync("/Office/Statistics?year=2023")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await inspector.GetAsync("/Office/Statistics/Chart?kind=Years")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("auditor1")]
    [TestCase("expert1")]
    public async Task Dashboard_ForOthers_IsRefused(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        (await client.GetAsync("/Office/Statistics?year=2023")).StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await client.GetAsync("/Office/Statistics/Chart?kind=Funnel&year=2023")).Content.Headers.ContentType?.MediaType.Should().NotBe("image/png");
    }

    [Test]
    public async Task OfficeMenu_LinksTheDashboardAndTheExports()
    {
        var html = await _office.GetStringAsync("/Office");

        html.Should().Contain("<a href=\"/Office/Statistics\">统计分析</a>").And.Contain("<a href=\"/Office/Exports\">数据导出</a>");
    }
}

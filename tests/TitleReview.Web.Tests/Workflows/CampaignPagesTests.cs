using System.Net;
using System.Net.Http.Headers;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Workflows;

public class CampaignPagesTests
{
    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory();
        _office = await SignedInClientAsync(_factory, "office");
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task CreateFromTimelineFile_ThenTheTimelineAndMonitorShowIt()
    {
        var page = await _office.GetStringAsync("/Office/Campaigns");
        page.Should().Contain("尚未创建任何年度评审工作").And.Contain("workflows/timelines/2023.json");

        var created = await _office.PostAsync("/Office/Campaigns?handler=FromFile", Form(page, ("fileYear", "2023")));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var list = await _office.GetStringAsync("/Office/Campaigns");
        list.Should().Contain("已从 workflows/timelines/2023.json 创建 2023 年度评审工作。");
        var timeline = await _office.GetStringAsync("/Office/Campaigns/Timeline?year=2023");
        timeline.Should().Contain("2023-08-31 23:59:59").And.Contain("已截止");
        var monitor = await _office.GetStringAsync("/Office/Workflows?year=2023&definition=campaign");
        monitor.Should().Contain("年度评审工作：各状态数量");
    }

    [Test]
    public async Task ImportOfAnInvalidFile_ShowsChineseReasons_AndCreatesNothing()
    {
        var page = await _office.GetStringAsync("/Office/Campaigns");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(ReadAntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent("{ \"year\": 2025, \"stages\": [] }"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "timelineFile", "timeline.json");

        var response = await _office.PostAsync("/Office/Campaigns?handler=Import", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("缺少阶段“申报人填报与单位审核”的时间安排。");
        html.Should().Contain("尚未创建任何年度评审工作");
    }

    [Test]
    public async Task TimelineEdit_WithCloseBeforeOpen_ShowsTheReasonAndKeepsTheWindow()
    {
        var page = await _office.GetStringAsync("/Office/Campaigns");
        await _office.PostAsync("/Office/Campaigns?handler=FromFile", Form(page, ("fileYear", "2023")));
        var timeline = await _office.GetStringAsync("/Office/Campaigns/Timeline?year=2023");

        var response = await _office.PostAsync("/Office/Campaigns/Timeline?year=2023", Form(
            timeline,
            ("StageKey", "filing"),
            ("OpensAt", "2023-08-10T00:00:00"),
            ("ClosesAt", "2023-08-01T23:59:59")));

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("结束时间必须晚于开始时间。");
        (await _office.GetStringAsync("/Office/Campaigns/Timeline?year=2023")).Should().Contain("2023-08-31 23:59:59");
    }

    [Test]
    public async Task LevelRules_AreEditedOnTheTimelinePage_WithChineseMessagesForBadNumbers()
    {
        var page = await _office.GetStringAsync("/Office/Campaigns");
        await _office.PostAsync("/Office/Campaigns?handler=FromFile", Form(page, ("fileYear", "2023")));
        var timeline = await _office.GetStringAsync("/Office/Campaigns/Timeline?year=2023");
        timeline.Should().Contain("申报条件（按等级）").And.Contain("人社部令第25号");

        var bad = await _office.PostAsync("/Office/Campaigns/Timeline?year=2023&handler=Rule", Form(timeline,
            ("level", "Senior"), ("hoursPerYear", "90"), ("educationYears", "1"), ("requiredWordCount", "-5"), ("requiredPapers", "2"), ("minYearsInCurrentTitle", "5")));
        (await bad.Content.ReadAsStringAsync()).Should().Contain("工作材料字数应在 0 到 1000000 之间。");

        var good = await _office.PostAsync("/Office/Campaigns/Timeline?year=2023&handler=Rule", Form(timeline,
            ("level", "Senior"), ("hoursPerYear", "96"), ("educationYears", "2"), ("requiredWordCount", "10000"), ("requiredPapers", "3"), ("minYearsInCurrentTitle", "5")));
        good.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await _office.GetStringAsync("/Office/Campaigns/Timeline?year=2023");
        after.Should().Contain("已保存高级政工师的申报条件。").And.Contain("value=\"10000\"").And.Contain("修改高级政工师申报条件");
    }

    [Test]
    public async Task CampaignPages_AreForTheOfficeOnly()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        foreach (var path in new[] { "/Office/Campaigns", "/Office/Campaigns/Timeline?year=2023", "/Office/Workflows", $"/Office/Workflows/Instance/{Guid.NewGuid()}" })
        {
            (await auditor.GetAsync(path)).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied", path);
        }
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", ReadAntiforgeryToken(pageWithToken))));
}

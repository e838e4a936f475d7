using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Publicity;

/// <summary>
/// The public publicity and the office's 公示管理 through the real pipeline, on the demo's 2023
/// history: 李华 passed and 赵强 failed; the office published on Oct 8, 2023 for Oct 9–13. The demo
/// is seeded in June 2026, then the clock is taken back to 2023 for the public pages. The list reads
/// each case's result as it stands, so 赵强, passed on his supplement on Oct 12, reads 通过.
/// </summary>
public class PreliminaryPublicityPagesTests
{
    /// <summary>The public page: the publicity, its cases with their journals' results, their units.</summary>
    private const int PublicPageBudget = 3;

    /// <summary>The public list: the running publicities with their campaigns.</summary>
    private const int PublicListBudget = 1;

    /// <summary>公示管理: the session's, the campaigns, the publicities, the archive's counts, the year's cases, their units, the chosen list and its units.</summary>
    private const int OfficePageBudget = 11;  // Issue 18: +1, the header's unread count.

    private const string Title = "2023年度贵州省政工专业职务任职资格初审结果公示";

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TravellingClock _clock = null!;
    private TitleReviewFactory _factory = null!;
    private Guid _publicity;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _clock = new TravellingClock(Monday15June2026);
        _factory = new TitleReviewFactory(clock: _clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        _publicity = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PublicPublicities.Where(p => p.Kind == PublicPublicityKind.PreliminaryResults).Select(p => p.Id).SingleAsync();
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [SetUp]
    public void BackToToday() => _clock.Travelled = null;

    [Test]
    public async Task PublicPage_WhileItRuns_ShowsOnlyNameUnitLevelAndResult_WithinBudget()
    {
        _clock.Travelled = Beijing(2023, 10, 10, 10, 0);
        var anonymous = Anonymous();

        var measured = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync($"/Publicity/{_publicity}"));
        var response = await anonymous.GetAsync($"/Publicity/{_publicity}");
        var page = await response.Content.ReadAsStringAsync();

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the page changes by the clock");
        page.Should().Contain(Title).And.Contain("公示期：2023年10月9日至10月13日");
        Rows(page).Should().Equal(
            "1|赵强|贵州省示范交通投资集团有限公司|高级政工师|通过",
            "2|李华|黔南能源集团有限公司|政工师|通过");
        foreach (var secret in new[] { "522701198803150219", "520103198509102011", "13900000201", "13900000203", "13800000101", "13800000102", "一寸免冠彩色近照", "纸质材料不全", "applicant1", "applicant3", "auditor1", "王敏", "刘洋", "陈静" })
        {
            page.Should().NotContain(secret, "the publicity shows name, unit, level and result, nothing more");
        }
    }

    [Test]
    public async Task PublicList_WhileItRuns_LinksThePublicity_WithinBudget()
    {
        _clock.Travelled = Beijing(2023, 10, 9, 0, 0);
        var anonymous = Anonymous();

        var measured = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync("/Publicity"));
        var page = await anonymous.GetStringAsync("/Publicity");

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicListBudget);
        page.Should().Contain(Title).And.Contain($"/Publicity/{_publicity}").And.Contain("公示期：2023年10月9日至10月13日");
    }

    [Test]
    public async Task PublicPages_ByTheClock_ShowItUntil24OfTheLastDay_AndNotBeforeTheFirst()
    {
        var anonymous = Anonymous();

        _clock.Travelled = Beijing(2023, 10, 13, 23, 59);
        (await anonymous.GetStringAsync($"/Publicity/{_publicity}")).Should().Contain("李华");
        (await anonymous.GetStringAsync("/Publicity")).Should().Contain(Title);

        _clock.Travelled = Beijing(2023, 10, 14, 0, 0);
        var ended = await anonymous.GetStringAsync($"/Publicity/{_publicity}");
        ended.Should().Contain("该公示已结束").And.NotContain("李华").And.NotContain("赵强");
        (await anonymous.GetStringAsync("/Publicity")).Should().NotContain(Title).And.Contain("目前没有正在公示的内容");

        _clock.Travelled = Beijing(2023, 10, 8, 23, 59);
        (await anonymous.GetAsync($"/Publicity/{_publicity}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync("/Publicity")).Should().NotContain(Title);
    }

    [Test]
    public async Task SignInPage_LinksThePublicList()
    {
        var page = await Anonymous().GetStringAsync("/Account/Login");

        page.Should().Contain("href=\"/Publicity\"");
    }

    [Test]
    public async Task OfficePage_ShowsTheArchiveTheListAndAPlainHtmlFragment_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Publicities?year=2023&id={_publicity}";

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = await office.GetStringAsync(path);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficePageBudget);
        page.Should().Contain("暂不能发布：本年度初审结果已经公示");
        var archive = Regex.Match(page, "<section[^>]*id=\"publicity-archive\".*?</section>", RegexOptions.Singleline).Value;
        archive.Should().Contain(Title).And.Contain("公示期：2023年10月9日至10月13日").And.Contain("已结束");
        var fragment = WebUtility.HtmlDecode(Regex.Match(page, "<textarea id=\"publicity-fragment\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value).Trim();
        fragment.Should().StartWith("<table").And.EndWith("</table>");
        fragment.Should().Contain($"<caption>{Title}<br>公示期：2023年10月9日至10月13日</caption>")
            .And.Contain("<th>序号</th><th>姓名</th><th>工作单位</th><th>申报等级</th><th>初审结果</th>")
            .And.Contain("<tr><td>1</td><td>赵强</td><td>贵州省示范交通投资集团有限公司</td><td>高级政工师</td><td>通过</td></tr>")
            .And.Contain("<tr><td>2</td><td>李华</td><td>黔南能源集团有限公司</td><td>政工师</td><td>通过</td></tr>");
        fragment.Should().NotContain("<script").And.NotContain("class=").And.NotContain("style=");
        page.Should().Contain("js/copy.js").And.Contain("data-copy-target=\"publicity-fragment\"");
    }

    [Test]
    public async Task OfficeExport_ReadsBackWithTheSameColumnsAndRows()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync($"/Office/Publicities?handler=Export&id={_publicity}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(Title + ".xlsx");
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows[0].Keys.Should().Equal("序号", "姓名", "工作单位", "申报等级", "初审结果");
        rows.Select(r => $"{r["序号"]}|{r["姓名"]}|{r["工作单位"]}|{r["申报等级"]}|{r["初审结果"]}").Should().Equal(
            "1|赵强|贵州省示范交通投资集团有限公司|高级政工师|通过",
            "2|李华|黔南能源集团有限公司|政工师|通过");
    }

    [Test]
    public async Task OfficePage_ForTheCurrentYear_SaysWhyItCannotPublishYet()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var page = await office.GetStringAsync("/Office/Publicities");

        page.Should().Contain("2026 年度初审结果公示").And.Contain("暂不能发布：尚无作出初审结论的申报");
        page.Should().NotContain("publicity-publish-button");
    }

    [TestCase("not-a-date", "5", "请按“年-月-日”填写公示期第一天。")]
    [TestCase("2026-06-16", "many", "公示工作日数须为整数。")]
    [TestCase("2026-06-16", "5", "尚无作出初审结论的申报，没有可以公示的初审结果。")]
    public async Task Publish_WithBadInputOrNothingDecided_ShowsWhyInChinese_AndPublishesNothing(string firstDay, string workingDays, string message)
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/Publicities?year=2026");

        var response = await office.PostAsync("/Office/Publicities?handler=Publish&year=2026", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FirstDay"] = firstDay,
            ["WorkingDays"] = workingDays,
            ["Title"] = "2026年度初审结果公示",
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain(message).And.NotContain("is not valid");
        using var scope = _factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync(p => p.Kind == PublicPublicityKind.PreliminaryResults)).Should().Be(1, "only the demo's 2023 publicity");
    }

    [TestCase(null)]
    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task OfficePage_ForAnyoneButTheOffice_IsRefused(string? userName)
    {
        var client = userName is null ? Anonymous() : await SignedInClientAsync(_factory, userName);

        var page = await client.GetAsync("/Office/Publicities?year=2023");
        var export = await client.GetAsync($"/Office/Publicities?handler=Export&id={_publicity}");

        foreach (var response in new[] { page, export })
        {
            response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
            (response.Headers.Location?.ToString() ?? string.Empty).Should().NotContain("/Office/Publicities");
        }
    }

    private HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>The public table's rows, cells joined by "|".</summary>
    private static List<string> Rows(string page) =>
        Regex.Matches(Regex.Match(page, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => string.Join("|", Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(c => WebUtility.HtmlDecode(c.Groups[1].Value))))
            .ToList();

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));

    /// <summary>
    /// The demo's history is seeded only when today is past it, so the factory starts in 2026 and
    /// the test then takes the clock back to a day of the 2023 publicity (FakeTimeProvider only moves forward).
    /// </summary>
    private sealed class TravellingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public DateTimeOffset? Travelled { get; set; }

        public override DateTimeOffset GetUtcNow() => Travelled ?? base.GetUtcNow();
    }
}

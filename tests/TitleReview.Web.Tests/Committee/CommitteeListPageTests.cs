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
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Committee;

/// <summary>
/// The committee list through the real pipeline, on the demo's 2023 history: the office published
/// it on Nov 2, 2023 for Nov 3–9 with 李华 (黔南, 政工师) and 赵强 (交通, 高级政工师) on it. The demo
/// is seeded in June 2026; the clock is taken back to 2023 for the public pages.
/// </summary>
public class CommitteeListPageTests
{
    /// <summary>The public page: the publicity, the year's cases with their facts and journal rows, their units.</summary>
    private const int PublicPageBudget = 3;

    /// <summary>送评名单: the session's, the years, the campaign, the lists, the cases with their facts, their units, the integrity marks (issue 17).</summary>
    private const int OfficePageBudget = 10;  // Issue 18: +1, the header's unread count.

    /// <summary>The auditor's page: the session's, the years, the campaign, the unit, the list, the unit's cases.</summary>
    private const int AuditorPageBudget = 8;  // Issue 18: +1, the header's unread count.

    private const string Title = "2023年度贵州省政工专业职务任职资格送评审委员会评审人员名单公示";

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TravellingClock _clock = null!;
    private TitleReviewFactory _factory = null!;
    private Guid _list;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _clock = new TravellingClock(Monday15June2026);
        _factory = new TitleReviewFactory(clock: _clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _list = await db.PublicPublicities.Where(p => p.Kind == PublicPublicityKind.CommitteeList).Select(p => p.Id).SingleAsync();

        // The demo's committee has since passed both; these tests read the cases where the list left them.
        await DemoHistory2023.BackToTheListAsync(db);
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [SetUp]
    public void BackToToday() => _clock.Travelled = null;

    [Test]
    public async Task PublicPage_WhileItRuns_ShowsOnlyNameUnitAndLevel_UnderItsOwnHeading_WithinBudget()
    {
        _clock.Travelled = Beijing(2023, 11, 6, 10, 0);
        var anonymous = Anonymous();

        var measured = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync($"/Publicity/{_list}"));
        var response = await anonymous.GetAsync($"/Publicity/{_list}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        page.Should().Contain(Title).And.Contain("公示期：2023年11月3日至11月9日").And.Contain("送评审委员会评审人员名单（共 2 人）");
        Headers(page).Should().Equal("序号", "姓名", "工作单位", "申报等级");
        Rows(page).Should().Equal(
            "1|赵强|贵州省示范交通投资集团有限公司|高级政工师",
            "2|李华|黔南能源集团有限公司|政工师");
        foreach (var secret in new[] { "初审结果", "初审通过", "公示无异议", "未被抽查", "522701198803150219", "13900000201", "applicant1", "王敏", "陈静" })
        {
            page.Should().NotContain(secret, "the list shows name, unit and level, nothing more");
        }
    }

    [Test]
    public async Task PublicList_WhileItRuns_LinksTheList_AndAfterItsLastDayNoMore()
    {
        var anonymous = Anonymous();

        _clock.Travelled = Beijing(2023, 11, 3, 0, 0);
        (await anonymous.GetStringAsync("/Publicity")).Should().Contain(Title).And.Contain($"/Publicity/{_list}");

        _clock.Travelled = Beijing(2023, 11, 10, 0, 0);
        (await anonymous.GetStringAsync("/Publicity")).Should().NotContain(Title);
        (await anonymous.GetStringAsync($"/Publicity/{_list}")).Should().Contain("该公示已结束").And.NotContain("李华");
    }

    [Test]
    public async Task OfficePage_ShowsEachLevelWithWhy_TheArchiveAndAPlainFragment_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/CommitteeList?year=2023"));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/CommitteeList?year=2023"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficePageBudget);
        Regex.Replace(page, "<[^>]+>", string.Empty).Should().Contain("高级政工师：列入 1 人").And.Contain(" 政工师：列入 1 人").And.Contain("助理政工师：列入 0 人");
        // The demo's draw chose one of the two units by its random seed; that one's originals matched.
        page.Should().MatchRegex("初审通过；公示异议不成立；(未被抽查|抽查复核原件一致)").And.MatchRegex("初审未通过，补充材料后通过；公示无异议；(未被抽查|抽查复核原件一致)");
        page.Should().Contain("抽查复核原件一致").And.Contain("未被抽查");
        page.Should().Contain("暂不能公布：本年度送评名单已经公布").And.NotContain("committee-publish-button");
        Regex.Match(page, "<section[^>]*id=\"committee-archive\".*?</section>", RegexOptions.Singleline).Value.Should().Contain(Title).And.Contain("公示期：2023年11月3日至11月9日");
        var fragment = Regex.Match(page, "<textarea id=\"committee-fragment\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value.Trim();
        fragment.Should().StartWith("<table").And.EndWith("</table>")
            .And.Contain("<th>序号</th><th>姓名</th><th>工作单位</th><th>申报等级</th></tr>")
            .And.Contain("<tr><td>1</td><td>赵强</td><td>贵州省示范交通投资集团有限公司</td><td>高级政工师</td></tr>")
            .And.NotContain("<script").And.NotContain("class=").And.NotContain("初审");
    }

    [Test]
    public async Task OfficeExport_ReadsBackWithNameUnitAndLevel_AndIsNotStored()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync($"/Office/CommitteeList?handler=Export&id={_list}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(Title + ".xlsx");
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows[0].Keys.Should().Equal("序号", "姓名", "工作单位", "申报等级");
        rows.Select(r => $"{r["序号"]}|{r["姓名"]}|{r["工作单位"]}|{r["申报等级"]}").Should().Equal(
            "1|赵强|贵州省示范交通投资集团有限公司|高级政工师",
            "2|李华|黔南能源集团有限公司|政工师");
    }

    [TestCase("Remove", "", "请填写理由。")]
    [TestCase("Remove", "本人申请撤回", "李华不在可调整出送评名单的状态（须符合送评条件且名单尚未公布）。")]
    [TestCase("Bogus", "本人申请撤回", "请选择名单调整的方式。")]
    public async Task Change_WithoutAReason_OrAfterPublication_OrUnknown_ShowsWhyInChinese_AndChangesNothing(string change, string reason, string message)
    {
        var office = await SignedInClientAsync(_factory, "office");
        var (applicationId, state) = await LiAsync();
        var page = await office.GetStringAsync("/Office/CommitteeList?year=2023");

        var response = await office.PostAsync("/Office/CommitteeList?handler=Change&year=2023", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["applicationId"] = applicationId.ToString(),
            ["change"] = change,
            ["reason"] = reason,
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message).And.NotContain("is not valid");
        (await LiAsync()).State.Should().Be(state);
    }

    [TestCase("not-a-date", "5", "请按“年-月-日”填写公示期第一天。")]
    [TestCase("2026-06-16", "many", "公示工作日数须为整数。")]
    [TestCase("2026-06-16", "5", "没有符合送评条件的人员，不能公布送评名单。")]
    public async Task Publish_WithBadInputOrNobodyEligible_ShowsWhyInChinese_AndPublishesNothing(string firstDay, string workingDays, string message)
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/CommitteeList?year=2026");

        var response = await office.PostAsync("/Office/CommitteeList?handler=Publish&year=2026", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FirstDay"] = firstDay,
            ["WorkingDays"] = workingDays,
            ["Title"] = "2026年度送评名单",
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message).And.NotContain("is not valid");
        using var scope = _factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync(p => p.Kind == PublicPublicityKind.CommitteeList)).Should().Be(1, "only the demo's 2023 list");
    }

    [TestCase(null)]
    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task OfficePage_ForAnyoneButTheOffice_IsRefused(string? userName)
    {
        var client = userName is null ? Anonymous() : await SignedInClientAsync(_factory, userName);

        var page = await client.GetAsync("/Office/CommitteeList?year=2023");
        var export = await client.GetAsync($"/Office/CommitteeList?handler=Export&id={_list}");

        foreach (var response in new[] { page, export })
        {
            response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        }
    }

    [Test]
    public async Task AuditorAndApplicant_SeeWhetherTheyAreOnIt()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        var applicant = await SignedInClientAsync(_factory, "applicant1");

        var unit = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Auditor/CommitteeList?year=2023"));
        _clock.Travelled = Beijing(2023, 11, 6, 10, 0);
        var home = WebUtility.HtmlDecode(await applicant.GetStringAsync("/Applicant"));

        unit.Should().Contain("李华").And.Contain("列入").And.MatchRegex("初审通过；公示异议不成立；(未被抽查|抽查复核原件一致)").And.NotContain("赵强");
        unit.Should().Contain("href=\"/Auditor/CommitteeList\"");
        home.Should().Contain("已列入送评委会评审人员名单");
        (await applicant.GetAsync("/Auditor/CommitteeList")).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
    }

    [Test]
    public async Task Pages_WithMoreCases_StayWithinBudget_AndDoNotGrow()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        var (li, _) = await LiAsync();
        var budget = _factory.Queries!;
        var officePage = await budget.MeasureAsync(() => office.GetAsync("/Office/CommitteeList?year=2023"));
        var auditorPage = await budget.MeasureAsync(() => auditor.GetAsync("/Auditor/CommitteeList?year=2023"));

        await MoreRows.AddUnitsLikeAsync(_factory, li, 2, 2);
        await MoreRows.AddApplicationsLikeAsync(_factory, li, 4);
        var moreOffice = await budget.MeasureAsync(() => office.GetAsync("/Office/CommitteeList?year=2023"));
        var moreAuditor = await budget.MeasureAsync(() => auditor.GetAsync("/Auditor/CommitteeList?year=2023"));
        _clock.Travelled = Beijing(2023, 11, 6, 10, 0);
        var morePublic = await budget.MeasureAsync(() => Anonymous().GetAsync($"/Publicity/{_list}"));

        officePage.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficePageBudget);
        moreOffice.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(officePage);
        auditorPage.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(AuditorPageBudget);
        moreAuditor.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(auditorPage);
        morePublic.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
    }

    private async Task<(Guid ApplicationId, string State)> LiAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (
                from a in db.TitleApplications
                join c in db.Campaigns on a.CampaignId equals c.Id
                join i in db.WorkflowInstances on a.Id equals i.SubjectId
                where c.Year == 2023 && a.ApplicantName == "李华"
                select new ValueTuple<Guid, string>(a.Id, i.State))
            .SingleAsync();
    }

    private HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    private static List<string> Headers(string page) =>
        Regex.Matches(Regex.Match(page, "<thead>(.*?)</thead>", RegexOptions.Singleline).Groups[1].Value, "<th[^>]*>(.*?)</th>").Select(c => c.Groups[1].Value).ToList();

    /// <summary>The public table's rows, cells joined by "|".</summary>
    private static List<string> Rows(string page) =>
        Regex.Matches(Regex.Match(page, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => string.Join("|", Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(c => c.Groups[1].Value)))
            .ToList();

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));

    /// <summary>The demo's history is seeded only when today is past it, so the clock is taken back afterwards.</summary>
    private sealed class TravellingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public DateTimeOffset? Travelled { get; set; }

        public override DateTimeOffset GetUtcNow() => Travelled ?? base.GetUtcNow();
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using TitleReview.Application.Applications.Committee;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Committee;

/// <summary>
/// The committee's results through the real pipeline, on the demo's 2023 history: 李华 (黔南, 政工师)
/// and 赵强 (交通, 高级政工师) were on the list and the committee passed both on Dec 6; the demo's
/// publication of the results is taken back, and the office publishes them again through its page
/// on Monday Dec 11, 2023 for Dec 11–15.
/// </summary>
public class CommitteeResultsPageTests
{
    /// <summary>The public page: the publicity, the vote's locked results, the results' candidates, their units.</summary>
    private const int PublicPageBudget = 4;

    /// <summary>评审结果: the session's, the years, the campaign, the vote's locked results, the candidates, their units, the publicity, the reports.</summary>
    private const int OfficePageBudget = 10;  // Issue 18: +1, the header's unread count.

    /// <summary>The auditor's page: the session's, the years, the campaign, the unit, the publicity, the vote's locked results, the candidates, their units, the report.</summary>
    private const int AuditorPageBudget = 11;  // Issue 18: +1, the header's unread count.

    private const string Title = "2023年度贵州省政工专业职务任职资格评审结果公示";

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private readonly MoreResults _more = new();
    private TravellingClock _clock = null!;
    private TitleReviewFactory _factory = null!;
    private Guid _publicity;
    private Guid _li;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _clock = new TravellingClock(Monday15June2026);
        _factory = new TitleReviewFactory(
            clock: _clock,
            settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" },
            services: s => MoreResults.Register(s, _more),
            countQueries: true);
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cases = await (
                    from a in db.TitleApplications
                    join c in db.Campaigns on a.CampaignId equals c.Id
                    where c.Year == 2023 && (a.ApplicantName == "李华" || a.ApplicantName == "赵强")
                    select new { a.Id, a.ApplicantName })
                .ToListAsync();
            _li = cases.Single(c => c.ApplicantName == "李华").Id;
            _zhao = cases.Single(c => c.ApplicantName == "赵强").Id;

            // The demo's committee passed both on Dec 6; its publication is taken back so the page publishes again.
            await DemoHistory2023.WithoutTheResultsAsync(db);
        }

        var office = await SignedInClientAsync(_factory, "office");
        _clock.Travelled = Beijing(2023, 12, 11, 9, 30);
        var page = await office.GetStringAsync("/Office/Committee/Results?year=2023");
        var response = await office.PostAsync("/Office/Committee/Results?handler=Publish&year=2023", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FirstDay"] = "2023-12-11",
            ["WorkingDays"] = "5",
            ["Title"] = Title,
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        _clock.Travelled = null;
        using var after = _factory.Services.CreateScope();
        _publicity = await after.ServiceProvider.GetRequiredService<AppDbContext>().PublicPublicities
            .Where(p => p.Kind == PublicPublicityKind.CommitteeResults).Select(p => p.Id).SingleAsync();
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [SetUp]
    public void BackToToday() => _clock.Travelled = null;

    [Test]
    public async Task PublicPage_WhileItRuns_ShowsNameUnitLevelAndResult_WithinBudget()
    {
        _clock.Travelled = Beijing(2023, 12, 13, 10, 0);
        var anonymous = Anonymous();

        var measured = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync($"/Publicity/{_publicity}"));
        var response = await anonymous.GetAsync($"/Publicity/{_publicity}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        page.Should().Contain(Title).And.Contain("公示期：2023年12月11日至12月15日").And.Contain("评审委员会评审结果（共 2 人）");
        Headers(page).Should().Equal("序号", "姓名", "工作单位", "申报等级", "评审结果");
        Rows(page).Should().Equal(
            "1|赵强|贵州省示范交通投资集团有限公司|高级政工师|通过",
            "2|李华|黔南能源集团有限公司|政工师|通过");
        foreach (var secret in new[] { "同意", "票", "522701198803150219", "13900000201", "applicant1" })
        {
            page.Should().NotContain(secret, "the publicity shows name, unit, level and result, nothing more");
        }
    }

    [Test]
    public async Task PublicList_ByTheClock_ShowsTheResultsFromTheFirstDayToTheLast_ThenNoMore()
    {
        var anonymous = Anonymous();

        _clock.Travelled = Beijing(2023, 12, 10, 23, 59);
        (await anonymous.GetStringAsync("/Publicity")).Should().NotContain(Title);
        (await anonymous.GetAsync($"/Publicity/{_publicity}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        _clock.Travelled = Beijing(2023, 12, 11, 0, 0);
        (await anonymous.GetStringAsync("/Publicity")).Should().Contain(Title).And.Contain($"/Publicity/{_publicity}");

        _clock.Travelled = Beijing(2023, 12, 15, 23, 59);
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Publicity/{_publicity}")).Should().Contain("李华");

        _clock.Travelled = Beijing(2023, 12, 16, 0, 0);
        (await anonymous.GetStringAsync("/Publicity")).Should().NotContain(Title);
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Publicity/{_publicity}")).Should().Contain("该公示已结束").And.NotContain("李华");
    }

    [Test]
    public async Task OfficeExport_ReadsBackWithTheResult()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync($"/Office/Committee/Results?handler=Export&id={_publicity}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(Title + ".xlsx");
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows[0].Keys.Should().Equal("序号", "姓名", "工作单位", "申报等级", "评审结果");
        rows.Select(r => $"{r["序号"]}|{r["姓名"]}|{r["工作单位"]}|{r["申报等级"]}|{r["评审结果"]}").Should().Equal(
            "1|赵强|贵州省示范交通投资集团有限公司|高级政工师|通过",
            "2|李华|黔南能源集团有限公司|政工师|通过");
    }

    [Test]
    public async Task OfficePage_ShowsTheResultsTheFragmentAndEachUnitsReport_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Committee/Results?year=2023"));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee/Results?year=2023"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficePageBudget);
        page.Should().Contain("href=\"/Office/Committee/Results\"").And.Contain("评审结果");
        Regex.Replace(page, "<[^>]+>", string.Empty).Should().Contain("高级政工师：通过 1 人，未通过 0 人").And.Contain(" 政工师：通过 1 人");
        page.Should().Contain("暂不能公布：本年度评审结果已于").And.NotContain("results-publish-button");
        var fragment = Regex.Match(page, "<textarea id=\"results-fragment\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value.Trim();
        fragment.Should().StartWith("<table").And.EndWith("</table>")
            .And.Contain("<th>序号</th><th>姓名</th><th>工作单位</th><th>申报等级</th><th>评审结果</th></tr>")
            .And.Contain("<tr><td>2</td><td>李华</td><td>黔南能源集团有限公司</td><td>政工师</td><td>通过</td></tr>")
            .And.NotContain("<script").And.NotContain("class=");
        var reports = Regex.Match(page, "<section[^>]*id=\"results-reports\".*?</section>", RegexOptions.Singleline).Value;
        reports.Should().Contain("黔南能源集团有限公司").And.Contain("贵州省示范交通投资集团有限公司");
    }

    [Test]
    public async Task AuditorPage_ShowsOnlyTheUnitsOwnCandidates_WithinBudget()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        _clock.Travelled = Beijing(2023, 12, 18, 9, 0);

        var measured = await _factory.Queries!.MeasureAsync(() => auditor.GetAsync("/Auditor/Results?year=2023"));
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Auditor/Results?year=2023"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(AuditorPageBudget);
        page.Should().Contain("href=\"/Auditor/Results\"").And.Contain("李华").And.Contain("通过").And.Contain("提交反馈").And.NotContain("赵强").And.NotContain("同意");
    }

    [Test]
    public async Task AuditorReport_NamingAnotherUnitsApplication_IsRefused_AndChangesNothing()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        _clock.Travelled = Beijing(2023, 12, 18, 9, 0);
        var page = await auditor.GetStringAsync("/Auditor/Results?year=2023");

        var response = await auditor.PostAsync("/Auditor/Results?year=2023", Form(page, "2023-12-12", "2023-12-18", "本单位公示栏", (_zhao.ToString(), "赵强答辩成绩有误。")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("只能反馈本单位参评人员的异议。");
        (await ReportOfAsync("黔南能源集团有限公司")).SubmittedAt.Should().BeNull();
    }

    [TestCase("not-a-date", "2023-12-18", "本单位公示栏", "请按“年-月-日”填写公示开始日期。")]
    [TestCase("2023-12-18", "2023-12-12", "本单位公示栏", "单位内部公示的结束日期不能早于开始日期。")]
    [TestCase("2023-12-12", "2023-12-18", "", "请填写公示地点及方式（如本单位公示栏、内网）。")]
    [TestCase("2023-12-12", "2023-12-18", "本单位公示栏", "异议所针对的人员无法识别，请重新选择。", "not-a-guid")]
    public async Task AuditorReport_WithBadInput_ShowsWhyInChinese_AndChangesNothing(string from, string to, string place, string message, string? objectionFor = null)
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        _clock.Travelled = Beijing(2023, 12, 18, 9, 0);
        var page = await auditor.GetStringAsync("/Auditor/Results?year=2023");

        var response = await auditor.PostAsync("/Auditor/Results?year=2023", Form(page, from, to, place, objectionFor is null ? null : (objectionFor, "有异议")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message).And.NotContain("is not valid");
        (await ReportOfAsync("黔南能源集团有限公司")).SubmittedAt.Should().BeNull();
    }

    [Test]
    public async Task AuditorReport_ForOwnCandidates_IsRecorded_AndTheOfficeSeesIt()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var office = await SignedInClientAsync(_factory, "office");
        _clock.Travelled = Beijing(2023, 12, 18, 15, 30);
        var page = await auditor.GetStringAsync("/Auditor/Results?year=2023");

        var response = await auditor.PostAsync("/Auditor/Results?year=2023", Form(page, "2023-12-12", "2023-12-18", "本单位公示栏", (_zhao.ToString(), "")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var report = await ReportOfAsync("贵州省示范交通投资集团有限公司");
        (report.PublicisedFrom, report.PublicisedTo, report.Place, report.Objections.Count).Should().Be((new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18), "本单位公示栏", 0));
        var officePage = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee/Results?year=2023"));
        Regex.Match(officePage, "<tr class=\"report-done\"[^>]*>.*?</tr>", RegexOptions.Singleline).Value
            .Should().Contain("贵州省示范交通投资集团有限公司").And.Contain("2023年12月12日至12月18日，本单位公示栏").And.Contain("无");
    }

    [Test]
    public async Task Applicant_SeesTheOwnResultOnlyFromTheFirstDay()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");

        var now = WebUtility.HtmlDecode(await applicant.GetStringAsync("/Applicant"));
        _clock.Travelled = Beijing(2023, 12, 10, 12, 0);
        var before = WebUtility.HtmlDecode(await applicant.GetStringAsync("/Applicant"));

        now.Should().Contain("评审结果：通过");
        before.Should().Contain("评审结果待公布").And.NotContain("评审结果：").And.NotContain("评审通过");
    }

    [Test]
    public async Task BeforeTheFirstDay_NoPageOrApiTellsTheApplicantOrTheUnit_WhileTheOfficeReadsIt()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        var office = await SignedInClientAsync(_factory, "office");
        Guid instance;
        using (var scope = _factory.Services.CreateScope())
        {
            instance = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkflowInstances.Where(i => i.SubjectId == _li).Select(i => i.Id).SingleAsync();
        }

        async Task<string[]> ReadAllAsync() =>
        [
            WebUtility.HtmlDecode(await applicant.GetStringAsync($"/Applicant/Dossier/{_li}")),
            WebUtility.HtmlDecode(await applicant.GetStringAsync($"/Applicant/Supplement?id={_li}")),
            WebUtility.HtmlDecode(await applicant.GetStringAsync($"/api/workflows/instances/{instance}")),
            WebUtility.HtmlDecode(await auditor.GetStringAsync("/Auditor")),
        ];

        _clock.Travelled = Beijing(2023, 12, 10, 12, 0);
        var before = await ReadAllAsync();
        var officeBefore = WebUtility.HtmlDecode(await office.GetStringAsync($"/api/workflows/instances/{instance}"));
        _clock.Travelled = Beijing(2023, 12, 11, 0, 0);
        var from = await ReadAllAsync();

        foreach (var page in before)
        {
            page.Should().NotContain("评审通过").And.NotContain("CommitteePassed").And.NotMatchRegex("同意 *\\d+ *票");
        }

        before[0].Should().Contain("评审结果待公布");
        before[2].Should().Contain("评审结果待公布");
        officeBefore.Should().Contain("评审通过").And.MatchRegex("同意 *\\d+ *票");
        from[0].Should().Contain("评审通过");
        from[2].Should().Contain("评审通过");
    }

    [TestCase(null, "/Auditor/Results?year=2023")]
    [TestCase("applicant1", "/Auditor/Results?year=2023")]
    [TestCase("auditor1", "/Office/Committee/Results?year=2023")]
    [TestCase("applicant1", "/Office/Committee/Results?year=2023")]
    public async Task Pages_ForTheWrongRole_AreRefused(string? userName, string path)
    {
        var client = userName is null ? Anonymous() : await SignedInClientAsync(_factory, userName);

        (await client.GetAsync(path)).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
    }

    [Test]
    public async Task Pages_WithMoreUnitsAndCases_DoNotGrow()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        var budget = _factory.Queries!;
        _clock.Travelled = Beijing(2023, 12, 13, 10, 0);
        var officePage = await budget.MeasureAsync(() => office.GetAsync("/Office/Committee/Results?year=2023"));
        var auditorPage = await budget.MeasureAsync(() => auditor.GetAsync("/Auditor/Results?year=2023"));
        var publicPage = await budget.MeasureAsync(() => Anonymous().GetAsync($"/Publicity/{_publicity}"));

        await MoreRows.AddUnitsLikeAsync(_factory, _li, 2, 2);
        await MoreRows.AddApplicationsLikeAsync(_factory, _li, 4);
        Guid campaign;
        List<Guid> extra;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            campaign = await db.TitleApplications.Where(a => a.Id == _li).Select(a => a.CampaignId).SingleAsync();
            extra = await db.TitleApplications.Where(a => a.CampaignId == campaign && a.Id != _li && a.Id != _zhao).Select(a => a.Id).ToListAsync();
        }

        QueryMeasurement moreOffice, moreAuditor, morePublic;
        try
        {
            extra.ForEach(id => _more.Lock(campaign, id, passed: false));
            moreOffice = await budget.MeasureAsync(() => office.GetAsync("/Office/Committee/Results?year=2023"));
            moreAuditor = await budget.MeasureAsync(() => auditor.GetAsync("/Auditor/Results?year=2023"));
            morePublic = await budget.MeasureAsync(() => Anonymous().GetAsync($"/Publicity/{_publicity}"));
        }
        finally
        {
            // The other tests read the demo's two results only.
            extra.ForEach(id => _more.Forget(campaign, id));
        }

        extra.Should().HaveCountGreaterThan(3);

        moreOffice.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(officePage);
        moreAuditor.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(auditorPage);
        morePublic.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(publicPage);
    }

    private static FormUrlEncodedContent Form(string page, string from, string to, string place, (string ApplicationId, string Text)? objection)
    {
        var fields = new Dictionary<string, string>
        {
            ["PublicisedFrom"] = from,
            ["PublicisedTo"] = to,
            ["Place"] = place,
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        };
        if (objection is { } o)
        {
            fields["Objections[0].ApplicationId"] = o.ApplicationId;
            fields["Objections[0].Text"] = o.Text;
        }

        return new FormUrlEncodedContent(fields);
    }

    private async Task<UnitResultsReport> ReportOfAsync(string unitName)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UnitResultsReports.AsNoTracking().SingleAsync(r => r.UnitName == unitName);
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

    /// <summary>
    /// The vote's own locked results (the demo's), plus results this fixture adds for the extra
    /// cases it creates to show the pages do not grow with them.
    /// </summary>
    private sealed class MoreResults
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid Campaign, Guid Application), CommitteeResult> _locked = new();

        /// <summary>Wraps the application's own registration, which stays what answers for the demo's cases.</summary>
        public static void Register(IServiceCollection services, MoreResults more)
        {
            var vote = services.Last(d => d.ServiceType == typeof(ICommitteeResults));
            services.Remove(vote);
            services.Add(ServiceDescriptor.Describe(vote.ImplementationType!, vote.ImplementationType!, vote.Lifetime));
            services.AddScoped<ICommitteeResults>(sp => new Combined((ICommitteeResults)sp.GetRequiredService(vote.ImplementationType!), more));
        }

        public void Lock(Guid campaignId, Guid applicationId, bool passed) =>
            _locked[(campaignId, applicationId)] = new CommitteeResult(applicationId, passed, passed ? "同意 6 票，不同意 0 票，弃权 0 票" : "同意 3 票，不同意 3 票，弃权 0 票", Beijing(2023, 12, 6, 16, 0));

        public void Forget(Guid campaignId, Guid applicationId) => _locked.TryRemove((campaignId, applicationId), out _);

        private sealed class Combined(ICommitteeResults vote, MoreResults more) : ICommitteeResults
        {
            public async Task<IReadOnlyDictionary<Guid, CommitteeResult>> LockedResultsAsync(Guid campaignId, CancellationToken cancellationToken = default)
            {
                var results = new Dictionary<Guid, CommitteeResult>(await vote.LockedResultsAsync(campaignId, cancellationToken));
                foreach (var added in more._locked.Where(l => l.Key.Campaign == campaignId))
                {
                    results[added.Key.Application] = added.Value;
                }

                return results;
            }
        }
    }
}

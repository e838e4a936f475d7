using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Preliminary;

/// <summary>
/// The office's preliminary review pages through the real pipeline, on the demo's 2023 history:
/// on Sep 25–26, 2023 the office passed 李华 and failed 赵强 (纸质材料不全, his photo never came).
/// The office published the results on Oct 8, 2023, so the desk now only shows.
/// </summary>
public class PreliminaryPagesTests
{
    /// <summary>The queue: the session's, the years, the campaign, the submitted cases, the check-ins, the units, the payments (four) and the unpaid flags, the conclusions, the integrity marks (issue 17).</summary>
    private const int QueueBudget = 15;  // Issue 18: +1, the header's unread count.

    /// <summary>The desk: the dossier as the review page reads it (ten, with the unpaid flags), the campaign, the year's cases, the check-in, the Fees overview (four), the history, the reasons, the integrity marks (issue 17).</summary>
    private const int DeskBudget = 23;  // Issue 18: +1, the header's unread count; +2, the office opening the dossier writes its audit row (ADR 0053).

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
    public async Task Queue_ForTheOffice_ListsTheYearsDossiersWithPaperPaymentAndConclusion_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        const string path = "/Office/Preliminary?year=2023&filter=All";
        await office.GetStringAsync(path);

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = await office.GetStringAsync(path);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(QueueBudget);
        page.Should().Contain("黔南能源集团有限公司").And.Contain("贵州省示范交通投资集团有限公司");
        page.Should().Contain("李华").And.Contain("赵强").And.Contain("初审通过（补充材料后通过；原结论不通过：纸质材料不全。说明：", "赵强 failed at the desk and passed on his supplement");
        page.Should().Contain("一寸免冠彩色近照：缺", "the paper check-in's shortfall").And.Contain("逾期未缴费", "the unit that never paid is flagged");
        page.Should().Contain($"/Office/Preliminary/Review?id={_zhao}");
        (await office.GetStringAsync("/Office/Preliminary?year=2023")).Should().Contain("待初审（0）").And.Contain("已通过（2）").And.Contain("未通过（0）");
    }

    [Test]
    public async Task Desk_ForTheOffice_ShowsEverySectionTheEligibilityThePaperThePaymentTheOpinionsAndTheHistory_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Preliminary/Review?id={_zhao}&filter=All";
        await office.GetStringAsync(path);

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = await office.GetStringAsync(path);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(DeskBudget);
        page.Should().Contain("id=\"eligibility\"").And.Contain("data-section=").And.Contain("class=\"viewer\"", "the scans open inline as on the review page");
        page.Should().Contain("一寸免冠彩色近照：缺").And.Contain("逾期未缴费");
        page.Should().Contain("经审核，该同志情况属实，同意推荐。");
        page.Should().Contain("id=\"decision-history\"").And.Contain("纸质材料不全。说明：档案袋缺一寸免冠彩色近照");
        page.Should().Contain("初审结果已公示，不能再改变结论").And.NotContain("id=\"decide-form\"", "the results were published on Oct 8, 2023");
        page.Should().Contain("id=\"queue-nav\"");
    }

    [TestCase("auditor1", "/Office/Preliminary")]
    [TestCase("applicant1", "/Office/Preliminary")]
    [TestCase("auditor2", "/Office/Preliminary/Review?id={0}")]
    [TestCase("applicant3", "/Office/Preliminary/Review?id={0}")]
    [TestCase("auditor1", "/Office/Preliminary/Reasons")]
    public async Task Pages_ForAnyoneButTheOffice_AreRefused(string userName, string path)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, _zhao));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (response.Headers.Location?.ToString() ?? string.Empty).Should().NotContain("/Office/Preliminary");
    }

    [Test]
    public async Task Fail_WithNeitherReasonNorNote_ShowsTheFieldMessage_AndChangesNothing()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Preliminary/Review?id={_li}&filter=All";
        var page = await office.GetStringAsync(path);
        var before = await DecisionCountAsync();

        var response = await office.PostAsync($"/Office/Preliminary/Review?handler=Fail&id={_li}&filter=All", Form(page, ("Note", " ")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("初审不通过须至少选择一项不通过原因，或在说明中写明原因。");
        (await DecisionCountAsync()).Should().Be(before);
    }

    [Test]
    public async Task Change_WithoutAReason_ShowsTheFieldMessage_AndWithOne_IsRefusedAfterPublication()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Preliminary/Review?id={_zhao}&filter=All";
        var page = await office.GetStringAsync(path);
        var before = await DecisionCountAsync();

        var withoutReason = await office.PostAsync($"/Office/Preliminary/Review?handler=Change&id={_zhao}&filter=All", Form(page, ("outcome", "Passed"), ("ChangeReason", "")));
        var withReason = await office.PostAsync($"/Office/Preliminary/Review?handler=Change&id={_zhao}&filter=All", Form(page, ("outcome", "Passed"), ("ChangeReason", "照片已补交")));
        var nonsense = await office.PostAsync($"/Office/Preliminary/Review?handler=Change&id={_zhao}&filter=All", Form(page, ("outcome", "Maybe"), ("ChangeReason", "照片已补交"), ("ReasonIds", "not-a-guid")));

        withoutReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await withoutReason.Content.ReadAsStringAsync()).Should().Contain("改变初审结论须填写改变原因。");
        withReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await withReason.Content.ReadAsStringAsync()).Should().Contain("初审结果已公示，不能再改变结论");
        nonsense.StatusCode.Should().Be(HttpStatusCode.OK);
        (await nonsense.Content.ReadAsStringAsync()).Should().Contain("请选择初审结论。");
        (await DecisionCountAsync()).Should().Be(before);
    }

    [TestCase("/Office/Preliminary/Review?id=not-a-guid")]
    [TestCase("/Office/Preliminary/Review")]
    public async Task Desk_OfNoDossier_IsNotFound(string path)
    {
        var office = await SignedInClientAsync(_factory, "office");

        (await office.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Queue_WithAFilterOrLevelThatMeansNothing_ShowsThePendingOnes()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/Office/Preliminary?year=1999&filter=99&level=abc&unitId=x");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("年度初审").And.Contain("待初审（");
    }

    [Test]
    public async Task Reasons_EmptyOrInUse_AreRefusedInChinese_AndANewOneIsListed()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/Preliminary/Reasons");
        var paperReason = await ReasonIdAsync("纸质材料不全");

        var empty = await office.PostAsync("/Office/Preliminary/Reasons?handler=Add", Form(page, ("Text", "  ")));
        var inUse = await office.PostAsync("/Office/Preliminary/Reasons?handler=Delete", Form(page, ("reasonId", paperReason.ToString())));
        var added = await office.PostAsync("/Office/Preliminary/Reasons?handler=Add", Form(page, ("Text", "评审表未盖章")));

        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("请填写不通过原因。");
        inUse.StatusCode.Should().Be(HttpStatusCode.OK);
        (await inUse.Content.ReadAsStringAsync()).Should().Contain("“纸质材料不全”已在 1 份初审结论中使用，不能删除，只能停用。");
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await office.GetStringAsync("/Office/Preliminary/Reasons")).Should().Contain("评审表未盖章").And.Contain("纸质材料不全");
    }

    [Test]
    public async Task Layout_ForTheOffice_LinksThePreliminaryReview()
    {
        var office = await SignedInClientAsync(_factory, "office");

        (await office.GetStringAsync("/Office")).Should().Contain("href=\"/Office/Preliminary\"");
    }

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", ReadAntiforgeryToken(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    private async Task<int> DecisionCountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PreliminaryDecisions.CountAsync();
    }

    private async Task<Guid> ReasonIdAsync(string text)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FailureReasons.Where(r => r.Text == text).Select(r => r.Id).SingleAsync();
    }
}

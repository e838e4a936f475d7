using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.SpotCheck;

/// <summary>
/// The originals check pages on the demo's 2023 history, with 李华 (黔南) and 赵强 (交通) put into the
/// spot check on Wed Oct 25, 2023 by the draw's operation; the pages are read that day. 赵强's check
/// is concluded with a mismatch by one test; 李华's is only ever read or refused.
/// </summary>
public class OriginalsCheckPageTests
{
    private const string Notice = "抽中抽查复核：请于2023年10月30日前以单位名义将全部申报材料原件报送省政工职评办复核。";

    /// <summary>The session's, then the dossier as the review desk reads it (its budget), the case, the check.</summary>
    private const int CheckPageBudget = 16;  // Issue 18: +1, the header's unread count; +2, the office opening the dossier (the check lists its items) writes its audit row (ADR 0053).

    /// <summary>The session's, the dossier as the page reads it, the case, the check; then the check's one save.</summary>
    private const int RecordBudget = 15;

    /// <summary>The session's, the campaign, the chosen cases with the draw's rows, their checks, their units.</summary>
    private const int ListBudget = 7;  // Issue 18: +1, the header's unread count.

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        var clock = new RewindableClock(Monday15June2026);
        _factory = new TitleReviewFactory(clock: clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cases = await (from a in db.TitleApplications
                           join c in db.Campaigns on a.CampaignId equals c.Id
                           join i in db.WorkflowInstances on a.Id equals i.SubjectId
                           where c.Year == DemoCampaigns.HistoryYear && (a.ApplicantName == "李华" || a.ApplicantName == "赵强")
                           select new { a.Id, a.ApplicantName, InstanceId = i.Id }).ToListAsync();
        _li = cases.Single(c => c.ApplicantName == "李华").Id;
        _zhao = cases.Single(c => c.ApplicantName == "赵强").Id;
        var office = await db.Users.Where(u => u.UserName == "office").Select(u => new { u.Id, u.DisplayName }).SingleAsync();

        // The demo's history goes on to its own draw, check and committee list: both cases are put
        // back where the feedback left them, without the demo's check, so these tests draw them afresh.
        var instances = cases.Select(c => c.InstanceId).ToList();
        var applications = cases.Select(c => c.Id).ToList();
        await db.WorkflowInstances.Where(i => instances.Contains(i.Id)).ExecuteUpdateAsync(u => u.SetProperty(i => i.State, "ClearedAfterPublicity"));
        await db.OriginalsChecks.Where(c => applications.Contains(c.ApplicationId)).ExecuteDeleteAsync();
        await db.IntegrityCases.Where(c => applications.Contains(c.ApplicationId)).ExecuteDeleteAsync();
        clock.Rewind(BeijingTime.FromBeijing(new DateTime(2023, 10, 25, 10, 0, 0)));
        foreach (var chosen in cases)
        {
            await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().PerformAsync(
                new PerformRequest(chosen.InstanceId, WorkflowOperations.DrawSpotCheck, new WorkflowActor(office.Id, office.DisplayName, ["Office"]), Notice));
        }
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Pages_ForTheOfficeAndTheUnits_ShowTheChosenWithTheNotice_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var qiannan = await SignedInClientAsync(_factory, "auditor1");
        var transport = await SignedInClientAsync(_factory, "auditor2");

        var list = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/SpotCheck/Originals?year=2023"));
        var integrity = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Integrity?year=2023"));
        var unit = await _factory.Queries!.MeasureAsync(() => qiannan.GetAsync("/Auditor/SpotCheck?year=2023"));

        list.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ListBudget);
        integrity.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ListBudget);
        unit.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ListBudget);
        (await office.GetStringAsync("/Office/SpotCheck/Originals?year=2023")).Should().Contain("李华").And.Contain("待核对").And.Contain("黔南能源集团有限公司");
        (await qiannan.GetStringAsync("/Auditor/SpotCheck?year=2023")).Should().Contain("李华").And.Contain(Notice).And.Contain("待核对").And.NotContain("赵强");
        (await transport.GetStringAsync("/Auditor/SpotCheck?year=2026")).Should().Contain("本单位没有申报人被抽中抽查复核。", "the current campaign has drawn nobody");
    }

    [Test]
    public async Task CheckPage_AndItsSave_StayWithinBudget_AndDoNotGrowWithMoreItems()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/SpotCheck/Originals/Check?id={_li}";

        var before = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = await office.GetStringAsync(path);
        var save = await _factory.Queries!.MeasureAsync(() => office.PostAsync($"{path}&handler=Record", Form(page, AllButOneMatching(page))));
        await MoreRows.AddAwardsAsync(_factory, _li, 12);
        var after = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var morePage = await office.GetStringAsync(path);
        var moreSave = await _factory.Queries!.MeasureAsync(() => office.PostAsync($"{path}&handler=Record", Form(morePage, AllButOneMatching(morePage))));

        before.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(CheckPageBudget);
        after.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(before);
        save.Should().HaveStatus(HttpStatusCode.Redirect).And.StayWithin(RecordBudget);
        moreSave.Should().HaveStatus(HttpStatusCode.Redirect).And.NotGrowFrom(save);
        page.Should().Contain("原件一致").And.Contain("完成复核").And.Contain("/files/");
        Keys(morePage).Should().HaveCount(Keys(page).Count + 12);
        (await office.GetStringAsync(path)).Should().Contain($"已核对 {Keys(morePage).Count - 1} / {Keys(morePage).Count} 项");
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task OfficePages_ForAnyoneButTheOffice_AreRefused(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        foreach (var path in new[] { $"/Office/SpotCheck/Originals/Check?id={_li}", "/Office/SpotCheck/Originals", "/Office/Integrity" })
        {
            var response = await client.GetAsync(path);

            response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
            (response.Headers.Location?.ToString() ?? string.Empty).Should().NotContain("/Office/");
        }
    }

    [Test]
    public async Task BadInput_ShowsWhyInChinese_AndChangesNothing()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/SpotCheck/Originals/Check?id={_li}";
        var page = await office.GetStringAsync(path);
        var key = Regex.Match(page, "name=\"Items\\[0\\]\\.Key\" value=\"([^\"]+)\"").Groups[1].Value;
        var token = Regex.Match(page, "name=\"CheckToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var noFinding = await office.PostAsync($"{path}&handler=Record", Form(page, ("CheckToken", token), ("Items[0].Key", key), ("Items[0].Matches", "false"), ("Items[0].Finding", " ")));
        var nothing = await office.PostAsync($"{path}&handler=Record", Form(page, ("CheckToken", token), ("Items[0].Key", key), ("Items[0].Matches", "maybe")));
        var stranger = await office.PostAsync($"{path}&handler=Record", Form(page, ("CheckToken", token), ("Items[0].Key", "no-such-item"), ("Items[0].Matches", "true")));
        var early = await office.PostAsync($"{path}&handler=Conclude", Form(page, ("CheckToken", token)));
        var unknown = await office.GetAsync($"/Office/SpotCheck/Originals/Check?id={Guid.NewGuid()}");

        noFinding.StatusCode.Should().Be(HttpStatusCode.OK);
        (await noFinding.Content.ReadAsStringAsync()).Should().Contain("原件与扫描件不一致时，请填写不一致的情况。");
        (await nothing.Content.ReadAsStringAsync()).Should().Contain("请至少对一项选择“原件一致”或“不一致”。");
        (await stranger.Content.ReadAsStringAsync()).Should().Contain("所记录的项目不在该申报人的申报材料中");
        (await early.Content.ReadAsStringAsync()).Should().Contain("项原件未核对，请逐项记录后再完成复核。");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Regex.Match(await office.GetStringAsync(path), "name=\"CheckToken\" value=\"([^\"]+)\"").Groups[1].Value.Should().Be(token, "nothing was saved");
    }

    [Test]
    public async Task RecordAndConclude_WithAMismatch_ShowsTheIntegrityCase_AndAStaleSaveIsRefused()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/SpotCheck/Originals/Check?id={_zhao}";
        var page = await office.GetStringAsync(path);
        var keys = Regex.Matches(page, "name=\"Items\\[\\d+\\]\\.Key\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var token = Regex.Match(page, "name=\"CheckToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = keys.SelectMany((k, i) => new[] { ($"Items[{i}].Key", k), ($"Items[{i}].Matches", i == 0 ? "false" : "true"), ($"Items[{i}].Finding", i == 0 ? "原件证书编号与扫描件不一致。" : string.Empty) })
            .Append(("CheckToken", token)).ToArray();

        var recorded = await office.PostAsync($"{path}&handler=Record", Form(page, fields));
        var stale = await office.PostAsync($"{path}&handler=Record", Form(page, fields));
        page = await office.GetStringAsync(path);
        var concluded = await office.PostAsync($"{path}&handler=Conclude", Form(page, ("CheckToken", Regex.Match(page, "name=\"CheckToken\" value=\"([^\"]+)\"").Groups[1].Value)));

        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await stale.Content.ReadAsStringAsync()).Should().Contain("刚刚已有变动");
        concluded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await office.GetStringAsync(path)).Should().Contain("不一致（待诚信处理）").And.NotContain("保存核对结果");
        (await office.GetStringAsync("/Office/Integrity?year=2023")).Should().Contain("赵强").And.Contain("原件证书编号与扫描件不一致。").And.Contain("待处理");
        (await (await SignedInClientAsync(_factory, "auditor2")).GetStringAsync("/Auditor/SpotCheck?year=2023")).Should().Contain("赵强").And.Contain("不一致");
    }

    private static List<string> Keys(string page) =>
        [.. Regex.Matches(page, "name=\"Items\\[\\d+\\]\\.Key\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    /// <summary>
    /// Every item of the page's form but the last ticked as matching, with the page's token: 李华's
    /// check is never complete, so the other tests find it open whatever ran before.
    /// </summary>
    private static (string Key, string Value)[] AllButOneMatching(string page) =>
    [
        .. Keys(page).SkipLast(1).SelectMany((k, i) => new[] { ($"Items[{i}].Key", k), ($"Items[{i}].Matches", "true") }),
        ("CheckToken", Regex.Match(page, "name=\"CheckToken\" value=\"([^\"]+)\"").Groups[1].Value),
    ];

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", ReadAntiforgeryToken(pageWithToken))));

    /// <summary>
    /// The demo's history is seeded only once it lies in the past; the spot check's window is in
    /// it, so after seeding the clock is taken back to a day inside the window.
    /// </summary>
    private sealed class RewindableClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private DateTimeOffset? _rewoundTo;

        public void Rewind(DateTimeOffset to) => _rewoundTo = to;

        public override DateTimeOffset GetUtcNow() => _rewoundTo ?? base.GetUtcNow();
    }
}

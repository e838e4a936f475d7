using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Committee;

/// <summary>
/// The defense pages through the real pipeline, on the demo's 2023 history (赵强, 高级政工师, on the
/// published committee list). The fixture seats the six demo experts on the 2023 committee and
/// pledges expert2 and expert6; expert1 has not pledged.
/// </summary>
public class DefensePageTests
{
    /// <summary>The public page: the published schedules with their campaigns, the candidates, their units.</summary>
    private const int PublicPageBudget = 3;

    /// <summary>答辩安排: the session's, the years, the campaign, the schedule, the seniors, the committee and its experts, the scores and their experts, the units.</summary>
    private const int OfficePageBudget = 13;  // Issue 18: +1, the header's unread count.

    /// <summary>答辩评分: the session's, the campaign, the seat (expert, committee, pledge), the schedule, the recusals, the seniors, the scores, the units.</summary>
    private const int ExpertPageBudget = 16;  // Issue 18: +1, the header's unread count.

    private const string Place = "贵阳市南明区广顺路1号省委办公业务大楼1023室";

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TravellingClock _clock = null!;
    private TitleReviewFactory _factory = null!;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _clock = new TravellingClock(Monday15June2026);
        _factory = new TitleReviewFactory(clock: _clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var campaign = await db.Campaigns.Where(c => c.Year == 2023).Select(c => c.Id).SingleAsync();
        _zhao = await db.TitleApplications.Where(a => a.CampaignId == campaign && a.ApplicantName == "赵强").Select(a => a.Id).SingleAsync();
        await DemoHistory2023.BackToTheListAsync(db);
        string[] names = ["expert1", "expert2", "expert3", "expert4", "expert5", "expert6"];
        var users = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!);
        var experts = names.ToDictionary(n => n, n => Expert.Create(users[n].Id, users[n].DisplayName, "贵州示范大学", null, "教授", "思想政治教育"));
        db.Experts.AddRange(experts.Values);
        var members = names.Select((n, i) => new CommitteeMember(experts[n].Id, i switch { 0 => CommitteeRole.Chair, 1 => CommitteeRole.DeputyChair, _ => CommitteeRole.Member }, null)).ToList();
        db.ReviewCommittees.Add(ReviewCommittee.Form(campaign, "2023年度评审委员会", members, [], _clock.GetUtcNow(), "office"));
        var candidates = await db.TitleApplications.Where(a => a.CampaignId == campaign).Select(a => a.Id).ToListAsync();
        foreach (var pledged in new[] { "expert2", "expert6" })
        {
            db.ExpertDeclarations.Add(ExpertDeclaration.Pledge(experts[pledged].Id, campaign, true, [], candidates, _clock.GetUtcNow()));
        }

        await db.SaveChangesAsync();
        Panel = [.. names.Take(3).Select(n => experts[n].Id)];
    }

    private Guid[] Panel { get; set; } = [];

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [SetUp]
    public void BackToToday() => _clock.Travelled = null;

    [Test]
    public async Task Schedule_ThroughTheOfficePage_RefusedTooLate_PublishedInTime_ShowsNameUnitTimeAndPlaceOnly()
    {
        var anonymous = Anonymous();
        var office = await SignedInClientAsync(_factory, "office");
        var before = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync("/Defense"));
        before.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Defense")).Should().Contain("目前没有公布的答辩安排").And.NotContain("赵强");

        var page = await office.GetStringAsync("/Office/Committee/Defense?year=2023");
        var session = await office.PostAsync("/Office/Committee/Defense?handler=Session&year=2023", Form(page, [
            new("startsAt", "2023-12-04T09:00"), new("place", Place), .. Panel.Select(p => new KeyValuePair<string, string>("panel", p.ToString()))]));
        session.StatusCode.Should().Be(HttpStatusCode.Redirect, await session.Content.ReadAsStringAsync());
        var sessionId = await SessionIdAsync();
        var assign = await office.PostAsync("/Office/Committee/Defense?handler=Assign&year=2023", Form(page, [
            new("sessionId", sessionId.ToString()), new("applicationId", _zhao.ToString()), new("at", "09:00")]));
        assign.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var measured = await _factory.Queries.MeasureAsync(() => office.GetAsync("/Office/Committee/Defense?year=2023"));
        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficePageBudget);

        var late = await office.PostAsync("/Office/Committee/Defense?handler=Publish&year=2023", Form(page, []));
        late.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()).Should().Contain("答辩时间、地点须于答辩前7天公布：第一场答辩在2023-12-04 09:00:00");

        _clock.Travelled = BeijingTime.FromBeijing(new DateTime(2023, 11, 24, 10, 0, 0));
        await PublishAsync();

        var after = await _factory.Queries.MeasureAsync(() => anonymous.GetAsync("/Defense"));
        var published = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Defense"));
        after.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        published.Should().Contain("赵强").And.Contain("贵州省示范交通投资集团有限公司").And.Contain(Place).And.Contain("2023年12月4日 09:00");
        foreach (var secret in new[] { "13900000", "5227", "applicant3", "孙文博", "何静怡", "马志远", "刘洋" })
        {
            published.Should().NotContain(secret, "the public schedule shows name, unit, time and place, nothing more");
        }

        _clock.Travelled = null;
        var applicant = WebUtility.HtmlDecode(await (await SignedInClientAsync(_factory, "applicant3")).GetStringAsync("/Applicant"));
        var auditor = WebUtility.HtmlDecode(await (await SignedInClientAsync(_factory, "auditor2")).GetStringAsync("/Auditor/CommitteeList?year=2023"));
        applicant.Should().Contain($"答辩安排：2023年12月4日 09:00，{Place}");
        auditor.Should().Contain($"2023年12月4日 09:00，{Place}");

        var expert = await SignedInClientAsync(_factory, "expert2");
        var expertPage = await _factory.Queries.MeasureAsync(() => expert.GetAsync("/Expert/Defense?year=2023"));
        expertPage.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ExpertPageBudget);
        WebUtility.HtmlDecode(await expert.GetStringAsync("/Expert/Defense?year=2023")).Should().Contain("赵强").And.Contain("出席记录后可以评分");
    }

    [TestCase("abc", Place, true, "请按“年-月-日 时:分”填写答辩开始时间。")]
    [TestCase("2026-09-23T09:00", "", true, "请填写答辩地点（200字以内）。")]
    [TestCase("2026-09-23T09:00", Place, false, "答辩小组至少由3名评委组成。")]
    [TestCase("2023-12-04T09:00", Place, true, "答辩场次须安排在答辩及评审期间")]
    public async Task SessionForm_WithBadInput_ShowsWhyInChinese_AndSavesNothing(string startsAt, string place, bool fullPanel, string message)
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/Committee/Defense?year=2026");
        List<KeyValuePair<string, string>> fields = [new("startsAt", startsAt), new("place", place), .. Panel.Take(fullPanel ? 3 : 2).Select(p => new KeyValuePair<string, string>("panel", p.ToString()))];

        var response = await office.PostAsync("/Office/Committee/Defense?handler=Session&year=2026", Form(page, fields));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message).And.NotContain("is not valid");
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.DefenseSchedules.CountAsync(s => db.Campaigns.Any(c => c.Id == s.CampaignId && c.Year == 2026))).Should().Be(0);
    }

    [TestCase("abc")]
    [TestCase("150")]
    public async Task Score_WithBadInput_ShowsWhyInChinese(string score)
    {
        var expert = await SignedInClientAsync(_factory, "expert2");
        var page = await expert.GetStringAsync("/Expert/Defense?year=2023");

        var response = await expert.PostAsync("/Expert/Defense?year=2023", Form(page, [new("applicationId", _zhao.ToString()), new("score", score), new("opinion", "意见")]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("评分须为0至100的整数。");
    }

    [Test]
    public async Task ExpertPage_BeforeThePledge_SendsToThePledge_AndAnExpertOffThePanelGets404ForTheCandidate()
    {
        var unpledged = await SignedInClientAsync(_factory, "expert1");
        var offPanel = await SignedInClientAsync(_factory, "expert6");
        var page = await offPanel.GetStringAsync("/Expert/Defense?year=2023");

        var redirect = await unpledged.GetAsync("/Expert/Defense?year=2023");
        var score = await offPanel.PostAsync("/Expert/Defense?year=2023", Form(page, [new("applicationId", _zhao.ToString()), new("score", "80"), new("opinion", "意见")]));

        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        redirect.Headers.Location!.OriginalString.Should().Be("/Expert/Pledge?year=2023");
        score.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [TestCase(null, "/Office/Committee/Defense?year=2023")]
    [TestCase("applicant3", "/Office/Committee/Defense?year=2023")]
    [TestCase("auditor2", "/Expert/Defense?year=2023")]
    [TestCase("expert2", "/Office/Committee/Defense?year=2023")]
    public async Task Pages_ForTheWrongRole_AreRefused(string? userName, string path)
    {
        var client = userName is null ? Anonymous() : await SignedInClientAsync(_factory, userName);

        (await client.GetAsync(path)).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
    }

    private async Task PublishAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.UserName == "office");
        await scope.ServiceProvider.GetRequiredService<IHandler<PublishDefenseSchedule, DefenseSchedulePublished>>()
            .HandleAsync(new PublishDefenseSchedule(2023, new WorkflowActor(user.Id, user.DisplayName, [Roles.Office])));
    }

    private async Task<Guid> SessionIdAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var schedule = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DefenseSchedules.AsNoTracking().SingleAsync();
        return schedule.Sessions.Single().Id;
    }

    private static FormUrlEncodedContent Form(string page, IEnumerable<KeyValuePair<string, string>> fields) =>
        new([.. fields, new("__RequestVerificationToken", ReadAntiforgeryToken(page))]);

    private HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>The demo's history is seeded only when today is past it, so the clock is taken back afterwards.</summary>
    private sealed class TravellingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public DateTimeOffset? Travelled { get; set; }

        public override DateTimeOffset GetUtcNow() => Travelled ?? base.GetUtcNow();
    }
}

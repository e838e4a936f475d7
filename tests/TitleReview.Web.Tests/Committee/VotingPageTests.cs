using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Committee;

/// <summary>
/// The vote's pages on the demo's 2023 history, read on Wed Dec 6, 2023. Before each test the
/// six demo experts sit on the 2023 committee (expert4 from 黔南能源, so recused from 李华), all
/// but expert6 have pledged, 李华 (政工师) is on the list and no session exists.
/// </summary>
public class VotingPageTests
{
    /// <summary>The session's, the years, the campaign, the committee, the sessions (three, split), the cases, the experts, the units.</summary>
    private const int DeskBudget = 12;  // Issue 18: +1, the header's unread count.

    /// <summary>The session's, the campaign, the seat (three), the open sessions (three, split), the cases, the units.</summary>
    private const int ExpertPageBudget = 12;  // Issue 18: +1, the header's unread count.

    /// <summary>
    /// Measured with four candidates: the reads (the session's, the session split in three, the
    /// seat) and the save, whose receipt inserts and box updates are one command per candidate.
    /// </summary>
    private const int CastBudget = 27;  // Issue 18: +1, the header's unread count (the cast renders the page before it redirects); +2, the cast's audit row (ADR 0053).

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private RewindableClock _clock = null!;
    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _campaign;
    private Dictionary<string, Guid> _experts = [];

    [OneTimeSetUp]
    public void SetUpFactory()
    {
        _clock = new RewindableClock(Monday15June2026);
        _factory = new TitleReviewFactory(clock: _clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [SetUp]
    public async Task CommitteeSeatedAndLiOnTheListAsync()
    {
        _clock.Rewound = null;
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _campaign = await db.Campaigns.Where(c => c.Year == DemoCampaigns.HistoryYear).Select(c => c.Id).SingleAsync();
        _li = await db.TitleApplications.Where(a => a.CampaignId == _campaign && a.ApplicantName == "李华").Select(a => a.Id).SingleAsync();
        await db.VotingSessions.Where(s => s.CampaignId == _campaign).ExecuteDeleteAsync();
        await db.WorkflowInstances.Where(i => i.SubjectId == _li).ExecuteUpdateAsync(u => u.SetProperty(i => i.State, "OnCommitteeList"));
        var now = BeijingTime.FromBeijing(new DateTime(2023, 11, 13, 9, 0, 0));
        var users = await db.Users.Where(u => u.UserName!.StartsWith("expert")).ToDictionaryAsync(u => u.UserName!, u => u);
        foreach (var (userName, user) in users.Where(u => !db.Experts.Any(e => e.UserId == u.Value.Id)))
        {
            db.Experts.Add(userName == "expert4"
                ? Expert.Create(user.Id, user.DisplayName, DemoAccounts.QiannanEnergy.Name, DemoAccounts.QiannanEnergy.Id, "高级政工师", "企业思想政治工作")
                : Expert.Create(user.Id, user.DisplayName, "贵州示范大学", null, "教授", "思想政治教育"));
        }

        await db.SaveChangesAsync();
        var ids = users.ToDictionary(u => u.Key, u => u.Value.Id);
        _experts = await db.Experts.Where(e => ids.Values.Contains(e.UserId)).ToDictionaryAsync(e => ids.Single(i => i.Value == e.UserId).Key, e => e.Id);
        if (!await db.ReviewCommittees.AnyAsync(c => c.CampaignId == _campaign))
        {
            var members = _experts.OrderBy(e => e.Key).Select((e, i) => new CommitteeMember(e.Value, i == 0 ? CommitteeRole.Chair : i == 1 ? CommitteeRole.DeputyChair : CommitteeRole.Member, null)).ToList();
            db.ReviewCommittees.Add(ReviewCommittee.Form(_campaign, "2023年度贵州省政工专业职务任职资格评审委员会", members, [], now, "office"));
        }

        await db.ExpertDeclarations.Where(d => d.CampaignId == _campaign && d.ExpertId == _experts["expert6"]).ExecuteDeleteAsync();
        var candidates = await db.TitleApplications.Where(a => a.CampaignId == _campaign).Select(a => a.Id).ToListAsync();
        foreach (var (_, expert) in _experts.Where(e => e.Key != "expert6" && !db.ExpertDeclarations.Any(d => d.CampaignId == _campaign && d.ExpertId == e.Value)))
        {
            db.ExpertDeclarations.Add(ExpertDeclaration.Pledge(expert, _campaign, true, [], candidates, now));
        }

        await db.SaveChangesAsync();
        _clock.Rewound = BeijingTime.FromBeijing(new DateTime(2023, 12, 6, 9, 0, 0));
    }

    [TestCase("Intermediate", new[] { "expert1", "expert2", "expert3" }, "到会评委 3 人，不足法定人数：评审本等级的委员 6 人，须至少 4 人（2/3）到会。")]
    [TestCase("Bogus", new[] { "expert1", "expert2", "expert3", "expert4" }, "请选择评审等级。")]
    [TestCase("Intermediate", new string[0], "请勾选到会的评委。")]
    public async Task Open_BelowTheQuorum_OrWithBadInput_ShowsWhyInChinese_AndOpensNothing(string level, string[] present, string message)
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await PostOpenAsync(office, level, present);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await SessionsAsync()).Should().Be(0);
    }

    [Test]
    public async Task Vote_ThroughThePages_CountsReceiptsNeverChoices_RefusesASecondSubmit_AndClosesWithTheTally()
    {
        var office = await SignedInClientAsync(_factory, "office");
        (await PostOpenAsync(office, "Intermediate", ["expert1", "expert2", "expert3", "expert4", "expert5"])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var recused = WebUtility.HtmlDecode(await (await SignedInClientAsync(_factory, "expert4")).GetStringAsync("/Expert/Voting"));
        recused.Should().Contain("已回避").And.NotContain("提交表决票");
        foreach (var expert in new[] { "expert1", "expert2", "expert3", "expert5" })
        {
            var client = await SignedInClientAsync(_factory, expert);
            (await CastAsync(client, expert == "expert5" ? "Disagree" : "Agree")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var again = await CastAsync(await SignedInClientAsync(_factory, "expert1"), "Disagree");
        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).Should().Contain("您已投过票，不能重复投票。");
        var desk = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee/Voting?year=2023"));
        desk.Should().Contain("4 / 4").And.NotContain("不同意1票");

        var page = await office.GetStringAsync("/Office/Committee/Voting?year=2023");
        var close = await office.PostAsync("/Office/Committee/Voting?year=2023&handler=Close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sessionId"] = await SessionIdAsync(),
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));

        close.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee/Voting?year=2023"))
            .Should().Contain("表决结果：同意3票，不同意1票，弃权0票（到会5人，回避1人，须同意3票）").And.Contain("通过");
    }

    [Test]
    public async Task ExpertPage_BeforeThePledge_GoesToThePledge_AndOtherRolesAreRefused()
    {
        var unpledged = await SignedInClientAsync(_factory, "expert6");
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var redirect = await unpledged.GetAsync("/Expert/Voting");
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        redirect.Headers.Location!.OriginalString.Should().Be("/Expert/Pledge?year=2023");
        (await office.GetAsync("/Expert/Voting")).StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await auditor.GetAsync("/Office/Committee/Voting")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task DeskExpertPageAndBallot_StayWithinBudget_AndDoNotGrowWithMoreCandidates()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var expert = await SignedInClientAsync(_factory, "expert1");
        var desk = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Committee/Voting?year=2023"));
        await MoreRows.AddApplicationsLikeAsync(_factory, _li, 3);
        var moreDesk = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Committee/Voting?year=2023"));
        (await PostOpenAsync(office, "Intermediate", ["expert1", "expert2", "expert3", "expert4", "expert5"])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await _factory.Queries!.MeasureAsync(() => expert.GetAsync("/Expert/Voting"));
        var cast = await _factory.Queries!.MeasureAsync(() => CastAsync(expert, "Agree"));

        desk.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(DeskBudget);
        moreDesk.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(desk);
        page.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ExpertPageBudget);
        cast.Should().HaveStatus(HttpStatusCode.Redirect).And.StayWithin(CastBudget);
    }

    private async Task<HttpResponseMessage> PostOpenAsync(HttpClient office, string level, string[] present)
    {
        var page = await office.GetStringAsync("/Office/Committee/Voting?year=2023");
        var form = new List<KeyValuePair<string, string>> { new("level", level), new("__RequestVerificationToken", ReadAntiforgeryToken(page)) };
        form.AddRange(present.Select(p => new KeyValuePair<string, string>("present", _experts[p].ToString())));
        return await office.PostAsync("/Office/Committee/Voting?year=2023&handler=Open", new FormUrlEncodedContent(form));
    }

    /// <summary>Ticks one choice for every candidate the expert's form still offers.</summary>
    private static async Task<HttpResponseMessage> CastAsync(HttpClient expert, string choice)
    {
        var page = await expert.GetStringAsync("/Expert/Voting");
        var action = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "action=\"([^\"]*handler=Cast[^\"]*)\"").Groups[1].Value);
        var names = System.Text.RegularExpressions.Regex.Matches(page, "name=\"(choices\\[[0-9a-f-]+\\])\"").Select(m => m.Groups[1].Value).Distinct();
        var form = names.Select(n => new KeyValuePair<string, string>(n, choice)).Append(new("__RequestVerificationToken", ReadAntiforgeryToken(page)));
        return await expert.PostAsync(action, new FormUrlEncodedContent(form));
    }

    private async Task<string> SessionIdAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().VotingSessions.Where(s => s.CampaignId == _campaign).Select(s => s.Id).SingleAsync()).ToString();
    }

    private async Task<int> SessionsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().VotingSessions.CountAsync(s => s.CampaignId == _campaign);
    }

    /// <summary>The demo's history is seeded only when today is past it, so the clock is taken back afterwards.</summary>
    private sealed class RewindableClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public DateTimeOffset? Rewound { get; set; }

        public override DateTimeOffset GetUtcNow() => Rewound ?? base.GetUtcNow();
    }
}

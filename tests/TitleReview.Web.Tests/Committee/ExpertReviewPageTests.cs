using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Committee;

/// <summary>
/// The expert's pages through the real pipeline, on the demo's 2023 history (李华, 黔南, and 赵强,
/// 交通, on the published committee list). The fixture gives the six demo experts profiles and a
/// seat (where the demo has not) and sets the pledges itself: expert1 and expert4 (黔南) pledged,
/// expert5 pledged with a conflict with 赵强, expert2 and expert3 not yet.
/// </summary>
public class ExpertReviewPageTests
{
    /// <summary>The session's, the years, the campaign, the seat (expert, committee, pledge), the committee's name, the candidates, the recusals (experts, declarations, candidates, units), the opinions.</summary>
    private const int HomeBudget = 14;  // Issue 18: +1, the header's unread count.

    /// <summary>The session's, the assignment (the case, the seat's three, the recusals' four), the opening's insert, the dossier as every reading page reads it, the preliminary decision, the case, its journal, the opinion, the integrity marks (issue 17).</summary>
    private const int DossierBudget = 25;  // Issue 18: +1, the header's unread count; +2, the reading's one audit row (ADR 0053) — a second row, for the dossier it opens inside, would exceed this.

    /// <summary>The years, the campaign, the filters' people, the count, the page, the opinions.</summary>
    private const int OpeningsBudget = 7;  // Issue 18: +1, the header's unread count.

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Monday15June2026), settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var campaignId = await db.Campaigns.Where(c => c.Year == DemoCampaigns.HistoryYear).Select(c => c.Id).SingleAsync();
        var cases = await db.TitleApplications.Where(a => a.CampaignId == campaignId).ToDictionaryAsync(a => a.ApplicantName, a => a.Id);
        _li = cases["李华"];
        _zhao = cases["赵强"];
        await DemoHistory2023.BackToTheListAsync(db);

        var users = await db.Users.Where(u => u.UserName!.StartsWith("expert")).ToDictionaryAsync(u => u.UserName!, u => u);
        var experts = await db.Experts.ToDictionaryAsync(e => e.UserId, e => e);
        foreach (var (userName, user) in users.Where(u => !experts.ContainsKey(u.Value.Id)))
        {
            var expert = userName == "expert4"
                ? Expert.Create(user.Id, user.DisplayName, DemoAccounts.QiannanEnergy.Name, DemoAccounts.QiannanEnergy.Id, "高级政工师", "企业思想政治工作")
                : Expert.Create(user.Id, user.DisplayName, "贵州示范大学", null, "教授", "思想政治教育");
            db.Experts.Add(expert);
            experts[user.Id] = expert;
        }

        Guid Id(string userName) => experts[users[userName].Id].Id;
        if (!await db.ReviewCommittees.AnyAsync(c => c.CampaignId == campaignId))
        {
            var members = users.Keys.Order().Select((n, i) => new CommitteeMember(Id(n), i == 0 ? CommitteeRole.Chair : i == 1 ? CommitteeRole.DeputyChair : CommitteeRole.Member, null)).ToList();
            db.ReviewCommittees.Add(ReviewCommittee.Form(campaignId, "2023年度贵州省政工专业职务任职资格评审委员会", members, [], Monday15June2026, "office"));
        }

        // The demo's own pledges, openings and opinions (once wired) give way to this fixture's.
        await db.DossierOpenings.Where(o => o.CampaignId == campaignId).ExecuteDeleteAsync();
        await db.ExpertOpinions.Where(o => o.CampaignId == campaignId).ExecuteDeleteAsync();
        await db.ExpertDeclarations.Where(d => d.CampaignId == campaignId).ExecuteDeleteAsync();
        var candidates = cases.Values.ToList();
        db.ExpertDeclarations.Add(ExpertDeclaration.Pledge(Id("expert1"), campaignId, true, [], candidates, Monday15June2026));
        db.ExpertDeclarations.Add(ExpertDeclaration.Pledge(Id("expert4"), campaignId, true, [], candidates, Monday15June2026));
        db.ExpertDeclarations.Add(ExpertDeclaration.Pledge(
            Id("expert5"), campaignId, true, [new DeclaredConflict(_zhao, ConflictKind.OtherRelation, "曾为同一单位同事", Monday15June2026)], candidates, Monday15June2026));
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Dossier_ForTheExpertFromTheCandidatesUnit_IsNotFound_AndTheHomePageListsThemAsRecused()
    {
        var expert4 = await SignedInClientAsync(_factory, "expert4");

        var dossier = await expert4.GetAsync($"/Expert/Dossier?id={_li}");
        var home = WebUtility.HtmlDecode(await expert4.GetStringAsync("/Expert?year=2023"));

        dossier.StatusCode.Should().Be(HttpStatusCode.NotFound);
        home.Should().Contain("已回避").And.Contain("本人所在单位").And.NotContain($"/Expert/Dossier?id={_li}").And.Contain($"/Expert/Dossier?id={_zhao}");
    }

    [Test]
    public async Task Dossier_ForAnExpertWithADeclaredConflict_IsNotFound()
    {
        var expert5 = await SignedInClientAsync(_factory, "expert5");

        (await expert5.GetAsync($"/Expert/Dossier?id={_zhao}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await expert5.GetAsync($"/Expert/Dossier?id={_li}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Dossier_ForAnUnknownId_IsNotFound()
    {
        var expert1 = await SignedInClientAsync(_factory, "expert1");

        (await expert1.GetAsync($"/Expert/Dossier?id={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ExpertPages_BeforeThePledge_SendTheExpertToThePledge()
    {
        var expert2 = await SignedInClientAsync(_factory, "expert2");

        var home = await expert2.GetAsync("/Expert?year=2023");
        var dossier = await expert2.GetAsync($"/Expert/Dossier?id={_li}");

        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.Should().Be("/Expert/Pledge?year=2023");
        dossier.StatusCode.Should().Be(HttpStatusCode.Redirect);
        dossier.Headers.Location!.OriginalString.Should().Be("/Expert/Pledge?year=2023");
    }

    [Test]
    public async Task Pledge_WithoutTheCheckbox_ShowsTheFieldMessageAndSavesNothing_ThenWithItLeadsToTheTasks()
    {
        var expert3 = await SignedInClientAsync(_factory, "expert3");
        var page = WebUtility.HtmlDecode(await expert3.GetStringAsync("/Expert/Pledge?year=2023"));

        var refused = await expert3.PostAsync("/Expert/Pledge?year=2023&handler=Accept", Form(page));
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var stillAsked = await expert3.GetAsync("/Expert?year=2023");
        var accepted = await expert3.PostAsync("/Expert/Pledge?year=2023&handler=Accept", Form(page, ("Accepted", "true")));

        page.Should().Contain(ExpertDeclaration.PledgeText).And.Contain("本人已阅读并同意以上保密承诺").And.Contain("确认承诺并进入评审").And.Contain("李华").And.Contain("赵强");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        refusedPage.Should().Contain(new PledgeMustBeAcceptedRule(false).Message);
        stillAsked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.Should().Be("/Expert?year=2023");
        (await expert3.GetAsync("/Expert?year=2023")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Scan_ForTheAssignedExpert_IsServed_AndForARecusedOneIsNotFound()
    {
        var scan = await ScanOfAsync(_li);
        var expert1 = await SignedInClientAsync(_factory, "expert1");
        var expert4 = await SignedInClientAsync(_factory, "expert4");
        var expert2 = await SignedInClientAsync(_factory, "expert2");

        (await expert1.GetAsync($"/files/{scan}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await expert4.GetAsync($"/files/{scan}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await expert2.GetAsync($"/files/{scan}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no scan before the pledge");
    }

    [Test]
    public async Task HomeAndDossier_StayWithinBudget_AndTheDossierDoesNotGrowWithMoreItems()
    {
        var expert1 = await SignedInClientAsync(_factory, "expert1");

        var home = await _factory.Queries!.MeasureAsync(() => expert1.GetAsync("/Expert?year=2023"));
        var before = await _factory.Queries!.MeasureAsync(() => expert1.GetAsync($"/Expert/Dossier?id={_zhao}"));
        await MoreRows.AddAwardsAsync(_factory, _zhao, 12);
        var after = await _factory.Queries!.MeasureAsync(() => expert1.GetAsync($"/Expert/Dossier?id={_zhao}"));
        var page = WebUtility.HtmlDecode(await expert1.GetStringAsync($"/Expert/Dossier?id={_zhao}"));

        home.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(HomeBudget);
        before.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(DossierBudget);
        after.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(before);
        page.Should().Contain("赵强").And.Contain("初审结论").And.Contain("抽查复核").And.Contain("答辩记录").And.Contain("/files/").And.Contain("保存评审意见");
    }

    [Test]
    public async Task Opinion_SavedFromTheDossier_AppearsWithTheOpeningsForTheOffice_WithinBudget()
    {
        var expert1 = await SignedInClientAsync(_factory, "expert1");
        var page = await expert1.GetStringAsync($"/Expert/Dossier?id={_li}");

        var empty = await expert1.PostAsync($"/Expert/Dossier?id={_li}&handler=Opinion", Form(page, ("Text", " ")));
        var saved = await expert1.PostAsync($"/Expert/Dossier?id={_li}&handler=Opinion", Form(page, ("Text", "材料齐全，业绩突出，同意推荐。"), ("Recommendation", "Recommend")));
        var office = await SignedInClientAsync(_factory, "office");
        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Committee/Openings?year=2023"));
        var openings = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee/Openings?year=2023"));

        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()).Should().Contain("请填写评审意见").And.Contain("请选择推荐意见");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OpeningsBudget);
        openings.Should().Contain("孙文博").And.Contain("李华").And.Contain("查阅申报材料").And.Contain("材料齐全，业绩突出，同意推荐。").And.Contain("同意推荐");
        (await expert1.GetAsync("/Office/Committee/Openings?year=2023")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    private async Task<Guid> ScanOfAsync(Guid applicationId)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DossierAttachments.Where(a => a.ApplicationId == applicationId).Select(a => a.Id).FirstAsync();
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", ReadAntiforgeryToken(pageWithToken))));
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Issue 16's acceptance story in real Chromium, on the current demo campaign with a fake clock: two
/// senior candidates of 省交通运输 on the published committee list (day 87); the office forms the
/// committee and schedules and publishes the defense for day 100 (thirteen days ahead); on day 100
/// the panel experts sign in, accept the pledge, read a dossier and score the defense, the office
/// records attendance and conclusions, opens the senior vote with four of six members present, the
/// four vote, the office closes it; on day 105 the office publishes the results and the unit's
/// auditor reports back.
/// </summary>
public class CommitteeBrowserTests : DemoCampaignBrowserTestBase
{
    private static readonly string[] Panel = ["expert1", "expert2", "expert3"];
    private static readonly string[] Present = ["expert1", "expert2", "expert3", "expert6"];

    [Test]
    public async Task Committee_FormDefenseVoteResults_AuditorReportsBack()
    {
        var (zhao, other) = await TwoOnCommitteeListAsync();

        Clock.SetUtcNow(DemoDay(88));
        await LoginAsync("office", DemoAccounts.Password);
        await FormTheCommitteeAsync();
        await ScheduleAndPublishTheDefenseAsync();

        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync($"{BaseUrl}/Defense");
        await Expect(Page.Locator("body")).ToContainTextAsync("赵强");
        await Expect(Page.Locator("body")).ToContainTextAsync(DemoAccounts.ProvincialTransport.Name);

        // Day 100: the defense. Sessions do not outlive days: everyone signs in again after the jump.
        Clock.SetUtcNow(DemoDay(100));
        await AsAsync("office", RecordAttendanceAsync);
        foreach (var expert in Panel)
        {
            await AsAsync(expert, () => PledgeReadAndScoreAsync(expert == "expert1"));
        }

        await AsAsync("office", RecordConclusionsAndOpenTheVoteAsync);
        foreach (var expert in Present)
        {
            await AsAsync(expert, () => VoteAsync(pledgeFirst: !Panel.Contains(expert)));
        }

        await AsAsync("office", CloseTheVoteAsync);

        foreach (var id in new[] { zhao, other })
        {
            (await InstanceAsync(id)).State.Should().Be("CommitteePassed");
        }

        // Day 105: the results, then the unit reports back.
        Clock.SetUtcNow(DemoDay(105));
        await AsAsync("office", PublishTheResultsAsync);
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync($"{BaseUrl}/Publicity");
        await Page.Locator("#publicity-list a", new() { HasText = "评审结果" }).ClickAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync("赵强");
        await Expect(Page.Locator("body")).ToContainTextAsync("通过");

        Clock.SetUtcNow(DemoDay(106));
        await AsAsync("auditor2", ReportBackAsync);
    }

    private async Task AsAsync(string userName, Func<Task> steps)
    {
        await Page.Context.ClearCookiesAsync();
        await LoginAsync(userName, DemoAccounts.Password);
        await steps();
    }

    /// <summary>孙文博 chairs, 何静怡 is deputy, the other four are members; nobody is grouped by level.</summary>
    private async Task FormTheCommitteeAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Committee?year=2026");
        await Page.GetByLabel("孙文博 的职务").SelectOptionAsync("Chair");
        await Page.GetByLabel("何静怡 的职务").SelectOptionAsync("DeputyChair");
        foreach (var name in new[] { "马志远", "罗建国", "杨晓梅", "邓海峰" })
        {
            await Page.GetByLabel($"{name} 的职务").SelectOptionAsync("Member");
        }

        await Page.Locator("#committee-form-button").ClickAsync();
        await Expect(Page.Locator("#committee-member-rows tbody tr")).ToHaveCountAsync(6);
    }

    /// <summary>One session on day 100 at 9:00 with a panel of three; both seniors in it; published thirteen days ahead.</summary>
    private async Task ScheduleAndPublishTheDefenseAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Committee/Defense?year=2026");
        var form = Page.Locator("#defense-new-session");
        await form.GetByLabel("答辩开始时间（北京时间）").FillAsync(BeijingTime.ToBeijing(DemoDay(100)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await form.GetByLabel("答辩地点").FillAsync("贵阳市南明区广顺路1号省委办公业务大楼1023室");
        foreach (var name in new[] { "孙文博", "何静怡", "马志远" })
        {
            await form.GetByLabel(name).CheckAsync();
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "新增答辩场次" }).ClickAsync();
        var session = Page.Locator(".defense-session").First;
        await session.GetByLabel("答辩人").SelectOptionAsync(new SelectOptionValue { Label = $"赵强（{DemoAccounts.ProvincialTransport.Name}）" });
        await session.GetByLabel("答辩时间").FillAsync("09:00");
        await session.GetByRole(AriaRole.Button, new() { Name = "安排答辩人" }).ClickAsync();
        session = Page.Locator(".defense-session").First;
        await session.GetByLabel("答辩时间").FillAsync("10:00");
        await session.GetByRole(AriaRole.Button, new() { Name = "安排答辩人" }).ClickAsync();
        await Expect(Page.Locator(".defense-slots tbody tr")).ToHaveCountAsync(2);
        await Page.Locator("#defense-publish-button").ClickAsync();
        await Expect(Page.Locator("#defense-published")).ToBeVisibleAsync();
    }

    private async Task RecordAttendanceAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Committee/Defense?year=2026");
        for (var i = 0; i < 2; i++)
        {
            await Page.Locator(".defense-slots tbody tr").Nth(i).GetByRole(AriaRole.Button, new() { Name = "记录出席" }).ClickAsync();
            await Expect(Page.Locator(".defense-slots tbody tr").Nth(i).Locator(".standing")).ToHaveTextAsync("已出席");
        }
    }

    /// <summary>The expert's first page for the campaign is the pledge; then (for one of them) a dossier; then the scores.</summary>
    private async Task PledgeReadAndScoreAsync(bool readADossier)
    {
        await PledgeAsync();
        if (readADossier)
        {
            await Page.GotoAsync($"{BaseUrl}/Expert");
            await Page.GetByRole(AriaRole.Link, new() { Name = "赵强" }).First.ClickAsync();
            await Expect(Page.Locator("h1")).ToContainTextAsync("赵强");
            await Page.Locator("#opinion-text").FillAsync("思想政治工作业绩突出，材料完整，同意推荐。");
            await Page.Locator("#save-opinion").ClickAsync();
        }

        await Page.GotoAsync($"{BaseUrl}/Expert/Defense?year=2026");
        var scores = Page.GetByRole(AriaRole.Button, new() { Name = "保存评分" });
        for (var i = 0; i < 2; i++)
        {
            var form = Page.Locator("form", new() { Has = scores }).Nth(i);
            await form.Locator("input[name=score]").FillAsync("85");
            await form.Locator("textarea[name=opinion]").FillAsync("答辩思路清晰，回答问题准确。");
            await form.GetByRole(AriaRole.Button, new() { Name = "保存评分" }).ClickAsync();
        }
    }

    private async Task PledgeAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Expert");
        await Expect(Page.Locator("h1")).ToContainTextAsync("保密承诺");
        await Page.GetByLabel("本人已阅读并同意以上保密承诺").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "确认承诺并进入评审" }).ClickAsync();
    }

    private async Task RecordConclusionsAndOpenTheVoteAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Committee/Defense?year=2026");
        for (var i = 0; i < 2; i++)
        {
            var conclusion = Page.Locator(".defense-conclusion").First;
            await conclusion.GetByLabel("合格", new() { Exact = true }).CheckAsync();
            await conclusion.GetByLabel("结论意见").FillAsync("答辩合格。");
            await conclusion.GetByRole(AriaRole.Button, new() { Name = "记录答辩结论" }).ClickAsync();
        }

        await Page.GotoAsync($"{BaseUrl}/Office/Committee/Voting?year=2026");
        var senior = Page.Locator(".voting-level[data-level=Senior]");
        foreach (var name in new[] { "孙文博", "何静怡", "马志远", "邓海峰" })
        {
            await senior.Locator("label", new() { HasText = name }).Locator("input").CheckAsync();
        }

        await senior.GetByRole(AriaRole.Button, new() { Name = "开始表决" }).ClickAsync();
    }

    private async Task VoteAsync(bool pledgeFirst)
    {
        if (pledgeFirst)
        {
            await PledgeAsync();
        }

        await Page.GotoAsync($"{BaseUrl}/Expert/Voting");
        var ballot = Page.Locator("form.ballot").First;
        var agree = ballot.GetByLabel("同意", new() { Exact = true });
        for (var i = 0; i < await agree.CountAsync(); i++)
        {
            await agree.Nth(i).CheckAsync();
        }

        await ballot.GetByRole(AriaRole.Button, new() { Name = "提交表决票" }).ClickAsync();
        await Expect(Page.Locator("form.ballot .voted")).ToHaveCountAsync(2);
    }

    private async Task CloseTheVoteAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Committee/Voting?year=2026");
        var senior = Page.Locator(".voting-level[data-level=Senior]");
        await senior.GetByRole(AriaRole.Button, new() { Name = "结束表决" }).ClickAsync();
        await Expect(Page.Locator(".voting-level[data-level=Senior] .voting-tally .result")).ToHaveTextAsync(["通过", "通过"]);
    }

    private async Task PublishTheResultsAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Committee/Results?year=2026");
        await Page.Locator("#results-publish-button").ClickAsync();
        await Expect(Page.Locator("#results-published")).ToBeVisibleAsync();
    }

    private async Task ReportBackAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Auditor/Results");
        await Expect(Page.Locator("body")).ToContainTextAsync("赵强");
        var today = BeijingTime.DateOf(Clock.GetUtcNow());
        await Page.GetByLabel("内部公示开始日期").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("内部公示结束日期").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("公示地点及方式").FillAsync("单位公告栏及内网");
        await Page.Locator("#report-submit").ClickAsync();
        await Expect(Page.Locator("#report-status")).ToHaveTextAsync("已反馈");
    }

    private Task<WorkflowInstance> InstanceAsync(Guid applicationId) =>
        ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectType == WorkflowSubjectTypes.Application && i.SubjectId == applicationId));
}

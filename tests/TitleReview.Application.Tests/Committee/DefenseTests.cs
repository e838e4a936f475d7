using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetApplicantHome;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Committee;

/// <summary>
/// The senior candidates' defense (issue 16, item 2) on the 2023 timeline: 赵强 and 周婷 (交通,
/// auditor2) are seniors on the published list, 李华 (黔南) an intermediate; a session on Dec 4
/// 09:00 with expert1–3 on the panel; the defense window is Dec 4–8.
/// </summary>
public class DefenseTests : CommitteeTestBase
{
    private const string Place = "贵阳市南明区广顺路1号省委办公业务大楼1023室";

    private Guid _zhao;
    private Guid _zhou;
    private Guid _lihua;

    [SetUp]
    public async Task OnTheListWithACommitteeAsync()
    {
        _lihua = await OnCommitteeListAsync("applicant1", "auditor1", TitleLevel.Intermediate);
        _zhao = await OnCommitteeListAsync("applicant3", "auditor2", TitleLevel.Senior);
        _zhou = await OnCommitteeListAsync("applicant4", "auditor2", TitleLevel.Senior);
        await SeatCommitteeAsync();
        Clock.SetUtcNow(Beijing(2023, 11, 24, 10, 0, 0));
    }

    [Test]
    public async Task Publish_SevenDaysMinusAMinuteBeforeTheFirstSession_IsRefused_AndNothingMoves()
    {
        await ScheduleBothAsync();

        Clock.SetUtcNow(Beijing(2023, 11, 27, 9, 1, 0));
        var late = () => PublishAsync();

        (await late.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("最迟须在2023-11-27 09:00:00前公布");
        await MeansAsync(_zhao, StateCapabilities.ReferredToCommittee);
        (await MeansDefenseScheduledAsync(_zhao)).Should().BeFalse();
    }

    [Test]
    public async Task Publish_ExactlySevenDaysBeforeTheFirstSession_IsAccepted()
    {
        await ScheduleBothAsync();

        Clock.SetUtcNow(Beijing(2023, 11, 27, 9, 0, 0));
        var published = await PublishAsync();

        published.Should().Be(new DefenseSchedulePublished(1, 2));
        (await MeansDefenseScheduledAsync(_zhao)).Should().BeTrue();
        (await MeansDefenseScheduledAsync(_zhou)).Should().BeTrue();
    }

    [Test]
    public async Task Publish_MovesTheSeniors_JournalsTheirTime_AndNotifiesThemAndTheirAuditor()
    {
        await ScheduleBothAsync();

        await PublishAsync();

        var journal = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowJournal
            .Where(j => j.Trigger == "scheduleDefense").Select(j => j.Reason).ToListAsync());
        journal.Should().Contain($"答辩时间：2023年12月4日 09:00；地点：{Place}");
        var messages = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.Where(m => m.Purpose == "答辩安排").ToListAsync());
        messages.Select(m => m.RecipientName).Distinct().Should().BeEquivalentTo(["赵强", "周婷", "刘洋"]);
        messages.Should().Contain(m => m.RecipientName == "赵强" && m.Body.Contains("2023年12月4日 09:00") && m.Body.Contains(Place));
        messages.Should().Contain(m => m.RecipientName == "刘洋" && m.Body.Contains("赵强") && m.Body.Contains("周婷"));

        var again = () => PublishAsync();
        await again.Should().ThrowAsync<BusinessRuleViolationException>();
        var change = () => SaveSessionAsync(null, Beijing(2023, 12, 5, 9, 0, 0), ["expert1", "expert2", "expert3"]);
        (await change.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("不能再修改");
    }

    [Test]
    public async Task Publish_WithASeniorUnscheduled_IsRefusedNamingThem()
    {
        var session = await SaveSessionAsync(null, Beijing(2023, 12, 4, 9, 0, 0), ["expert1", "expert2", "expert3"]);
        await AssignAsync(session, _zhao, new TimeOnly(9, 0));

        var act = () => PublishAsync();

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("尚有高级政工师申报人未安排答辩：周婷。");
    }

    [Test]
    public async Task Assign_AnIntermediateCandidate_OrWithARecusedPanelExpert_IsRefused()
    {
        await PledgeAsync("expert5", _zhao);
        var session = await SaveSessionAsync(null, Beijing(2023, 12, 4, 9, 0, 0), ["expert1", "expert2", "expert5"]);

        var intermediate = () => AssignAsync(session, _lihua, new TimeOnly(9, 0));
        var recused = () => AssignAsync(session, _zhao, new TimeOnly(9, 0));

        (await intermediate.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("李华不是送评名单中的高级政工师申报人，无需答辩。");
        (await recused.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("评委杨晓梅须回避答辩人赵强，不能在该场次的答辩小组中。");
    }

    [Test]
    public async Task SaveSession_WithBadInput_GivesFieldMessages()
    {
        var office = await ActorAsync("office");
        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<SaveDefenseSession, Guid>>().HandleAsync(new SaveDefenseSession(2023, null, null, " ", [Experts["expert1"]], office)));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;

        errors.Keys.Should().BeEquivalentTo(["startsAt", "place", "panel"]);
    }

    [Test]
    public async Task OnTheDay_AttendanceScoresAndConclusion_FollowTheRules()
    {
        await ScheduleBothAsync();
        await PublishAsync();
        foreach (var panelExpert in new[] { "expert1", "expert2", "expert3" })
        {
            await PledgeAsync(panelExpert);
        }

        Clock.SetUtcNow(Beijing(2023, 12, 4, 9, 40, 0));
        var noReason = () => AttendAsync(_zhou, DefenseAttendance.Absent, null);
        (await noReason.Should().ThrowAsync<ValidationException>()).Which.Errors["reason"].Should().Contain("请填写缺席情况。");
        await AttendAsync(_zhao, DefenseAttendance.Present);
        await AttendAsync(_zhou, DefenseAttendance.Absent, "因病未到场，已提交医院证明");
        await MeansAsync(_zhao, StateCapabilities.DefenseHeld);
        await MeansAsync(_zhou, StateCapabilities.DefenseAbsent);

        var absentScore = () => ScoreAsync("expert1", _zhou, 80);
        var notOnPanel = () => ScoreAsync("expert6", _zhao, 80);
        await absentScore.Should().ThrowAsync<DomainException>();
        await notOnPanel.Should().ThrowAsync<NotFoundException>();

        await ScoreAsync("expert1", _zhao, 86);
        await ScoreAsync("expert2", _zhao, 82);
        var early = () => ConcludeAsync(_zhao);
        (await early.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("已有2名评分");
        await ScoreAsync("expert3", _zhao, 70);
        await ScoreAsync("expert3", _zhao, 88);
        await ConcludeAsync(_zhao);

        var revise = () => ScoreAsync("expert1", _zhao, 90);
        var correct = () => AttendAsync(_zhao, DefenseAttendance.Correct, "误记");
        await revise.Should().ThrowAsync<BusinessRuleViolationException>();
        (await correct.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<Domain.Applications.Committee.Defense.AttendanceFixedAfterConclusionRule>();
        await AttendAsync(_zhou, DefenseAttendance.Correct, "本人实际到场，缺席为误记");
        (await MeansDefenseScheduledAsync(_zhou)).Should().BeTrue();

        var office = await OfficeViewAsync();
        var line = office.Sessions.Single().Slots.Single(s => s.ApplicationId == _zhao);
        (line.Standing, line.Conclusion, line.Scores.Select(s => s.Score).Order()).Should().BeEquivalentTo(("已出席", "合格", new[] { 82, 86, 88 }));
        var expert = await InScopeAsync(async sp => await sp.GetRequiredService<IHandler<GetExpertDefense, ExpertDefenseView>>().HandleAsync(new GetExpertDefense(2023, await ActorAsync("expert3"))));
        expert.Sessions.Single().Candidates.Single(c => c.ApplicationId == _zhao).Should().Match<ExpertDefenseCandidate>(c => c.Score == 88 && c.Concluded);
    }

    [Test]
    public async Task Views_BeforeAndAfterPublication_ShowNothingThenTimesAndPlaces()
    {
        await ScheduleBothAsync();
        (await PublicAsync()).Should().BeEmpty();
        (await HomeAsync("applicant3")).Defenses.Should().BeEmpty();
        var unpledged = await InScopeAsync(async sp => await sp.GetRequiredService<IHandler<GetExpertDefense, ExpertDefenseView>>().HandleAsync(new GetExpertDefense(2023, await ActorAsync("expert1"))));
        (unpledged.Seated, unpledged.Pledged).Should().Be((true, false));

        await PublishAsync();

        var schedule = (await PublicAsync()).Single();
        schedule.Sessions.Single().Candidates.Select(c => (c.Name, c.UnitName)).Should().BeEquivalentTo([("赵强", "贵州省示范交通投资集团有限公司"), ("周婷", "贵州省示范交通投资集团有限公司")]);
        (await HomeAsync("applicant3")).Defenses[_zhao].Text.Should().Be($"2023年12月4日 09:00，{Place}");
    }

    private async Task ScheduleBothAsync()
    {
        var session = await SaveSessionAsync(null, Beijing(2023, 12, 4, 9, 0, 0), ["expert1", "expert2", "expert3"]);
        await AssignAsync(session, _zhao, new TimeOnly(9, 0));
        await AssignAsync(session, _zhou, new TimeOnly(9, 40));
    }

    private async Task<Guid> SaveSessionAsync(Guid? id, DateTimeOffset startsAt, IReadOnlyList<string> panel)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<SaveDefenseSession, Guid>>()
            .HandleAsync(new SaveDefenseSession(2023, id, startsAt, Place, [.. panel.Select(p => Experts[p])], office)));
    }

    private async Task AssignAsync(Guid session, Guid application, TimeOnly at)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<AssignDefenseSlot, bool>>().HandleAsync(new AssignDefenseSlot(2023, session, application, at, office)));
    }

    private async Task<DefenseSchedulePublished> PublishAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishDefenseSchedule, DefenseSchedulePublished>>().HandleAsync(new PublishDefenseSchedule(2023, office)));
    }

    private async Task AttendAsync(Guid application, DefenseAttendance attendance, string? reason = null)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordDefenseAttendance, FireResult>>().HandleAsync(new RecordDefenseAttendance(application, attendance, reason, office)));
    }

    private async Task ScoreAsync(string expert, Guid application, int score)
    {
        var actor = await ActorAsync(expert);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SaveDefenseScore, bool>>().HandleAsync(new SaveDefenseScore(application, score, "答辩思路清晰，回答问题准确。", actor)));
    }

    private async Task ConcludeAsync(Guid application)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordDefenseConclusion, bool>>().HandleAsync(new RecordDefenseConclusion(application, true, "答辩合格。", office)));
    }

    private async Task<DefenseOfficeView> OfficeViewAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDefenseOffice, DefenseOfficeView>>().HandleAsync(new GetDefenseOffice(2023, office)));
    }

    private Task<IReadOnlyList<PublicDefenseSchedule>> PublicAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPublicDefenseSchedules, IReadOnlyList<PublicDefenseSchedule>>>().HandleAsync(new GetPublicDefenseSchedules()));

    private async Task<ApplicantHome> HomeAsync(string applicant)
    {
        var actor = await ActorAsync(applicant);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetApplicantHome, ApplicantHome>>().HandleAsync(new GetApplicantHome(actor)));
    }

    private Task<bool> MeansDefenseScheduledAsync(Guid application) => MeansOfAsync(application, StateCapabilities.DefenseScheduled);

    private async Task MeansAsync(Guid application, string capability) =>
        (await MeansOfAsync(application, capability)).Should().BeTrue($"the case should mean {capability}");

    private async Task<bool> MeansOfAsync(Guid application, string capability)
    {
        var instance = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.SingleAsync(i => i.SubjectId == application));
        return Services.GetRequiredService<IWorkflowDefinitions>().Has(instance, capability);
    }
}

using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns.UpdateStageWindow;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>
/// Timers counted from marks and from stages (ADR 15), on the test definitions: a committee
/// session reminded 7 days before its defense, and a publicity batch that closes at the end of
/// its fifth working day.
/// </summary>
public class RelativeTimerTests : TestDefinitionsTestBase
{
    [Test]
    public async Task TimerBeforeAMark_WaitsForTheMark_FollowsItWhenMoved_AndFiresOnlyAtTheNewInstant()
    {
        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));
        var session = await StartTestInstanceAsync("testDefense", WorkflowSubjectTypes.CommitteeSession, "2023年度答辩（第一组）", campaignId: null);
        (await BookmarksAsync(session)).Should().BeEmpty("the defense's time is not set yet");

        await SetMarkAsync(session, "defenseAt", Beijing(2023, 12, 6, 14, 0, 0));
        var planned = (await BookmarksAsync(session)).Single();
        planned.DueExpression.Should().Be("7d before mark:defenseAt");
        planned.DueAt.Should().Be(Beijing(2023, 11, 29, 14, 0, 0));

        Clock.SetUtcNow(Beijing(2023, 11, 20, 10, 0, 0));
        await SetMarkAsync(session, "defenseAt", Beijing(2023, 12, 13, 14, 0, 0));

        var moved = (await BookmarksAsync(session)).Single();
        moved.Id.Should().Be(planned.Id, "the pending timer is re-targeted, not replaced");
        moved.Status.Should().Be(BookmarkStatus.Pending);
        moved.DueAt.Should().Be(Beijing(2023, 12, 6, 14, 0, 0));
        var mark = (await MarksAsync(session)).Single();
        mark.At.Should().Be(Beijing(2023, 12, 13, 14, 0, 0));
        mark.SetAt.Should().Be(Beijing(2023, 11, 20, 10, 0, 0));
        var notes = (await JournalAsync(session)).Where(j => j.Trigger == JournalText.SetMarkTrigger).ToList();
        notes.Select(n => n.Reason).Should().Equal(
            "设定“答辩时间”：未设定 → 2023-12-06 14:00:00",
            "设定“答辩时间”：2023-12-06 14:00:00 → 2023-12-13 14:00:00");
        notes.Should().OnlyContain(n => n.ActorName == "陈静");

        Clock.SetUtcNow(Beijing(2023, 11, 29, 14, 0, 1));
        await RunClockAsync();
        (await InstanceAsync(session)).State.Should().Be("Scheduled", "the old instant no longer counts");
        (await BookmarksAsync(session)).Single().Status.Should().Be(BookmarkStatus.Pending);

        Clock.SetUtcNow(Beijing(2023, 12, 6, 14, 0, 0));
        await RunClockAsync();
        (await InstanceAsync(session)).State.Should().Be("Reminded");
        (await BookmarksAsync(session)).Single().Status.Should().Be(BookmarkStatus.Fired);
        var fired = (await JournalAsync(session)).Last();
        fired.Actor.Should().Be(WorkflowActor.ClockId);
        fired.OccurredAt.Should().Be(Beijing(2023, 12, 6, 14, 0, 0));
    }

    [Test]
    public async Task SettingAMarkToTheSameInstant_ChangesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));
        var session = await StartTestInstanceAsync("testDefense", WorkflowSubjectTypes.CommitteeSession, "2023年度答辩（第二组）", campaignId: null);
        await SetMarkAsync(session, "defenseAt", Beijing(2023, 12, 6, 14, 0, 0));
        var token = (await InstanceAsync(session)).ConcurrencyToken;

        await SetMarkAsync(session, "defenseAt", Beijing(2023, 12, 6, 14, 0, 0));

        (await InstanceAsync(session)).ConcurrencyToken.Should().Be(token);
        (await JournalAsync(session)).Count(j => j.Trigger == JournalText.SetMarkTrigger).Should().Be(1);
        (await BookmarksAsync(session)).Should().ContainSingle();
    }

    [Test]
    public async Task UndeclaredMark_IsRefused()
    {
        var session = await StartTestInstanceAsync("testDefense", WorkflowSubjectTypes.CommitteeSession, "2023年度答辩（第三组）", campaignId: null);

        var act = () => SetMarkAsync(session, "lunchAt", Beijing(2023, 12, 6, 12, 0, 0));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*testDefense@1 declares no mark 'lunchAt'*");
        (await MarksAsync(session)).Should().BeEmpty();
    }

    [Test]
    public async Task TransitionThatRecordsAMark_SetsItToTheFireInstant_AndTheTimerCountsWorkingDaysFromIt()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 28, 10, 0, 0));
        var batch = await StartTestInstanceAsync("testPublicityBatch", WorkflowSubjectTypes.PublicityBatch, "2023年初审公示（第一批）", CampaignId);

        await FireAsync(batch, "publish", "office");

        var mark = (await MarksAsync(batch)).Single();
        mark.Name.Should().Be("publishedAt");
        mark.At.Should().Be(Beijing(2023, 9, 28, 10, 0, 0));
        var timers = await BookmarksAsync(batch);
        timers.Single(t => t.Trigger == "lapse").Status.Should().Be(BookmarkStatus.Cancelled);
        var close = timers.Single(t => t.Trigger == "close");
        close.Status.Should().Be(BookmarkStatus.Pending);
        // Thu 28 Sep (1); the National Day holiday; Sat 7 (2) and Sun 8 Oct (3) made up; Mon 9 (4), Tue 10 Oct (5).
        close.DueAt.Should().Be(Beijing(2023, 10, 11, 0, 0, 0));

        Clock.SetUtcNow(Beijing(2023, 10, 10, 23, 59, 59));
        await RunClockAsync();
        (await InstanceAsync(batch)).State.Should().Be("Publishing");

        Clock.SetUtcNow(Beijing(2023, 10, 11, 0, 0, 0));
        await RunClockAsync();
        (await InstanceAsync(batch)).State.Should().Be("Closed");
        (await JournalAsync(batch)).Last().Actor.Should().Be(WorkflowActor.ClockId);
    }

    [Test]
    public async Task MovingAStagesWindow_MovesTheTimersCountedFromIt()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var batch = await StartTestInstanceAsync("testPublicityBatch", WorkflowSubjectTypes.PublicityBatch, "2023年初审公示（第二批）", CampaignId);
        var lapse = (await BookmarksAsync(batch)).Single();
        // The preliminary review closes at 24:00 on Fri 27 Oct: Mon 30, Tue 31 Oct, Wed 1 Nov.
        lapse.DueAt.Should().Be(Beijing(2023, 11, 2, 0, 0, 0));

        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateStageWindow, Guid>>().HandleAsync(new UpdateStageWindow(
            CampaignId, "preliminaryReview", new DateTime(2023, 9, 20, 0, 0, 0), new DateTime(2023, 10, 30, 23, 59, 59), null, office)));

        var moved = (await BookmarksAsync(batch)).Single();
        moved.Id.Should().Be(lapse.Id);
        // Now it closes at 24:00 on Mon 30 Oct: Tue 31 Oct, Wed 1, Thu 2 Nov.
        moved.DueAt.Should().Be(Beijing(2023, 11, 3, 0, 0, 0));
    }

    [Test]
    public async Task InstanceDetail_ShowsTheSubjectTypeTheMarksAndTheTimersInChinese()
    {
        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));
        var session = await StartTestInstanceAsync("testDefense", WorkflowSubjectTypes.CommitteeSession, "2023年度答辩（第四组）", campaignId: null);
        var batch = await StartTestInstanceAsync("testPublicityBatch", WorkflowSubjectTypes.PublicityBatch, "2023年初审公示（第三批）", CampaignId);

        var before = await DetailAsync(session);
        before.Marks.Should().Equal(new MarkRow("defenseAt", "答辩时间", null, null));

        await SetMarkAsync(session, "defenseAt", Beijing(2023, 12, 6, 14, 0, 0));
        var detail = await DetailAsync(session);

        WorkflowSubjectTypes.DisplayName(detail.SubjectType).Should().Be("评委会评审会议");
        detail.Marks.Should().Equal(new MarkRow("defenseAt", "答辩时间", Beijing(2023, 12, 6, 14, 0, 0), Beijing(2023, 11, 1, 9, 0, 0)));
        detail.Timers.Single().DueDescription.Should().Be("“答辩时间”前 7 天");
        (await DetailAsync(batch)).Timers.Single().DueDescription.Should().Be("“初审及公示”结束后第 3 个工作日结束时");
        detail.Journal.Last().TriggerName.Should().Be("设定时间标记");
    }

    [Test]
    public async Task InstanceWithoutACampaign_IsCountedAndListedInTheYearItWasCreated()
    {
        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));
        var session = await StartTestInstanceAsync("testDefense", WorkflowSubjectTypes.CommitteeSession, "2023年度答辩（第五组）", campaignId: null);

        var counts = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetStateCounts, StateCountsDto>>().HandleAsync(new GetStateCounts(2023, "testDefense")));
        var list = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListInstances, PagedList<InstanceListItem>>>().HandleAsync(new ListInstances(2023, "testDefense")));
        var nextYear = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListInstances, PagedList<InstanceListItem>>>().HandleAsync(new ListInstances(2024, "testDefense")));

        counts.States.Single(s => s.State == "Scheduled").Count.Should().Be(1);
        list.Items.Select(i => i.Id).Should().Equal(session);
        nextYear.Items.Should().BeEmpty();
    }

    private async Task<InstanceDetailDto> DetailAsync(Guid instanceId)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetInstanceDetail, InstanceDetailDto>>().HandleAsync(new GetInstanceDetail(instanceId, office)));
    }
}

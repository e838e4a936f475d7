using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Campaigns.UpdateStageWindow;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Workflows;

public class TimelineEditTests : WorkflowTestBase
{
    [Test]
    public async Task MovingFilingClose_MovesThePendingTimers_AndTheJournalShowsWhoAndWhen()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync("applicant1");
        (await BookmarksAsync(instance)).Single().DueAt.Should().Be(Beijing(2023, 9, 1, 0, 0, 0));

        Clock.SetUtcNow(Beijing(2023, 8, 20, 15, 30, 0));
        await UpdateAsync(StageKeys.Filing, new DateTime(2023, 8, 1, 0, 0, 0), new DateTime(2023, 9, 3, 23, 59, 59));

        var timer = (await BookmarksAsync(instance)).Single();
        timer.Status.Should().Be(BookmarkStatus.Pending);
        timer.DueAt.Should().Be(Beijing(2023, 9, 4, 0, 0, 0));

        var note = (await JournalAsync((await CampaignInstanceAsync()).Id)).Last();
        note.Trigger.Should().Be("editTimeline");
        note.ActorName.Should().Be("陈静");
        note.OccurredAt.Should().Be(Beijing(2023, 8, 20, 15, 30, 0));
        note.Reason.Should().Contain("2023-08-31 23:59:59").And.Contain("2023-09-03 23:59:59");

        Clock.SetUtcNow(Beijing(2023, 9, 2, 12, 0, 0));
        await RunClockAsync();
        (await InstanceAsync(instance)).State.Should().Be("Draft", "the window now closes on Sep 3");
        (await FireAsync(instance, "submit", "applicant1")).ToState.Should().Be("Submitted");
    }

    [Test]
    public async Task CloseBeforeOpen_IsRefused_AndNothingChanges()
    {
        var act = () => UpdateAsync(StageKeys.Filing, new DateTime(2023, 8, 10, 0, 0, 0), new DateTime(2023, 8, 5, 0, 0, 0));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["closesAt"].Should().Contain("结束时间必须晚于开始时间。");
        (await TimelineAsync()).Stages.Single(s => s.Key == StageKeys.Filing).LastSecond.Should().Be(Beijing(2023, 8, 31, 23, 59, 59));
    }

    [Test]
    public async Task WindowOutOfCalendarOrder_IsRefusedNamingBothStages()
    {
        var act = () => UpdateAsync("paperDelivery", new DateTime(2023, 7, 1, 0, 0, 0), new DateTime(2023, 9, 8, 23, 59, 59));

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors["closesAt"].Single().Should().Contain("报送纸质申报材料").And.Contain("单位公示及报送电子材料");
        (await TimelineAsync()).Stages.Single(s => s.Key == "paperDelivery").OpensAt.Should().Be(Beijing(2023, 9, 4, 0, 0, 0));
    }

    [Test]
    public async Task StaleToken_IsAConflict_AndTheOtherEditStands()
    {
        var token = (await TimelineAsync()).ConcurrencyToken;
        await UpdateAsync("payment", new DateTime(2023, 9, 11, 0, 0, 0), new DateTime(2023, 9, 18, 23, 59, 59), token);

        var second = () => UpdateAsync("payment", new DateTime(2023, 9, 11, 0, 0, 0), new DateTime(2023, 9, 15, 23, 59, 59), token);

        await second.Should().ThrowAsync<ConcurrencyConflictException>().WithMessage("*刚刚已被他人修改*");
        (await TimelineAsync()).Stages.Single(s => s.Key == "payment").LastSecond.Should().Be(Beijing(2023, 9, 18, 23, 59, 59));
    }

    [Test]
    public async Task Timeline_ShowsEachStagesStatusAtTheMoment()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 15, 0, 0, 0));

        var stages = (await TimelineAsync()).Stages.ToDictionary(s => s.Key, s => s.Status);

        stages[StageKeys.AuditorConfirmation].Should().Be(WindowStatus.Closed);
        stages[StageKeys.Filing].Should().Be(WindowStatus.Open);
        stages["paperDelivery"].Should().Be(WindowStatus.Upcoming);
    }

    private async Task UpdateAsync(string stage, DateTime opens, DateTime lastSecond, Guid? token = null)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateStageWindow, Guid>>()
            .HandleAsync(new UpdateStageWindow(CampaignId, stage, opens, lastSecond, token, office)));
    }

    private Task<TimelineDto> TimelineAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetTimeline, TimelineDto>>().HandleAsync(new GetTimeline(2023)));
}

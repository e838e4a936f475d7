using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Campaigns.ExportTimeline;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Campaigns.UpdateStageWindow;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Tests.Queries;

/// <summary>Which campaign "now" is about, worked out once for every page and use case; and a year's timeline exported.</summary>
public class CampaignQueryTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task ForStage_WhenItsWindowIsOpen_IsThatCampaign_EvenWithALaterYear()
    {
        await Copy2024Async();
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));

        var campaign = await InScopeAsync(sp => sp.GetRequiredService<ICurrentCampaign>().ForStageAsync(StageKeys.AuditorRegistration));

        campaign!.Year.Should().Be(2023);
    }

    [Test]
    public async Task ForStage_WhenItsWindowHasClosed_IsTheLatestWhoseWindowIsToCome()
    {
        await Copy2024Async();
        Clock.SetUtcNow(Beijing(2023, 7, 22, 9, 0, 0));

        var campaign = await InScopeAsync(sp => sp.GetRequiredService<ICurrentCampaign>().ForStageAsync(StageKeys.AuditorRegistration));

        campaign!.Year.Should().Be(2024);
    }

    [Test]
    public async Task ForStage_WhenNoWindowIsOpenOrToCome_IsTheLatestCampaign()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 1, 9, 0, 0));

        var campaign = await InScopeAsync(sp => sp.GetRequiredService<ICurrentCampaign>().ForStageAsync(StageKeys.AuditorRegistration));

        campaign!.Year.Should().Be(2023);
    }

    [Test]
    public async Task OpenAndNotClosed_OnAugust1_AreTheOpenFilingAndEveryFilingStillToClose_SoonestFirst()
    {
        await Copy2024Async();
        Clock.SetUtcNow(Beijing(2023, 8, 1, 9, 0, 0));

        var (open, notClosed, years) = await InScopeAsync(async sp =>
        {
            var current = sp.GetRequiredService<ICurrentCampaign>();
            return (await current.OpenAsync(StageKeys.Filing), await current.NotClosedAsync(StageKeys.Filing), await current.YearsAsync());
        });

        open.Select(c => c.Year).Should().Equal(2023);
        notClosed.Select(c => c.Year).Should().Equal(2023, 2024);
        years.Should().Equal(2024, 2023);
    }

    [Test]
    public async Task ExportTimeline_OfAYearWithACampaign_IsItsTimelineDocument_AndOfAnotherYearIsNotFound()
    {
        var json = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ExportTimeline, string>>().HandleAsync(new ExportTimeline(2023)));

        var document = TimelineDocument.Parse(json);
        document.Year.Should().Be(2023);
        var missing = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<ExportTimeline, string>>().HandleAsync(new ExportTimeline(1999)));
        await missing.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task GetTimelineView_AfterAWindowIsMoved_ShowsTheTimelineWithTheChange()
    {
        var office = await ActorAsync("office");
        var before = await TimelineViewAsync(office);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateStageWindow, Guid>>().HandleAsync(new UpdateStageWindow(
            CampaignId, StageKeys.Filing, new DateTime(2023, 8, 1, 0, 0, 0), new DateTime(2023, 9, 3, 23, 59, 59), null, office)));
        var after = await TimelineViewAsync(office);

        before.Timeline.Year.Should().Be(2023);
        before.Changes.Should().BeEmpty();
        after.Timeline.Stages.Single(s => s.Key == StageKeys.Filing).LastSecond.Should().Be(Beijing(2023, 9, 3, 23, 59, 59));
        after.Changes.Should().ContainSingle().Which.Actor.Should().Be(office.Id);
    }

    private Task<TimelineView> TimelineViewAsync(Domain.Workflows.WorkflowActor actor) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetTimelineView, TimelineView>>().HandleAsync(new GetTimelineView(2023, actor)));

    private async Task Copy2024Async()
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2024, office)));
    }
}

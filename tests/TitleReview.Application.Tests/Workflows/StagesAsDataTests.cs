using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Campaigns.ListCampaigns;
using TitleReview.Application.Campaigns.UpdateStageWindow;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Tests.Fixtures;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>
/// A stage is data: the notice's 评审结果反馈 (units report back on their publicity of the results), which the shipped definitions do not carry, is
/// added by publishing a campaign definition version and a timeline file (both in
/// <c>tests/fixtures/stages-as-data/</c>) into a copy of the workflows folder, with no C# change.
/// The 2023 campaign is created on version 2 before version 3 is published.
/// </summary>
public class StagesAsDataTests : WorkflowTestBase
{
    private WorkflowsFolderCopy? _workflows;

    protected override bool ConfirmDemoUnits => false;

    protected override IDictionary<string, string?> ExtraConfiguration =>
        new Dictionary<string, string?> { [StoragePaths.WorkflowsFolderKey] = Workflows.Path };

    private WorkflowsFolderCopy Workflows => _workflows ??= new WorkflowsFolderCopy();

    [TearDown]
    public void DeleteWorkflowsCopy()
    {
        _workflows?.Dispose();
        _workflows = null;
    }

    [Test]
    public async Task NewDefinitionVersionAndTimeline_AddAStage_ThatTheCampaignAndTheDashboardShow()
    {
        await PublishVersion3Async();
        Services.GetRequiredService<IWorkflowDefinitions>().Latest("campaign").Version.Should().Be(3);

        var campaignId = await CreateFromFileAsync(2024);

        var timeline = await TimelineAsync(2024);
        timeline.Stages.Should().HaveCount(14);
        timeline.Stages.Select(s => s.Key).Should().ContainInOrder("results", "resultsFeedback", "certificates");
        var feedback = timeline.Stages.Single(s => s.Key == "resultsFeedback");
        feedback.Name.Should().Be("评审结果反馈");
        feedback.Within.Should().Be("results");
        feedback.OpensAt.Should().Be(Beijing(2024, 12, 16, 0, 0, 0));
        feedback.LastSecond.Should().Be(Beijing(2024, 12, 20, 23, 59, 59));
        (await InstanceOfAsync(campaignId)).DefinitionVersion.Should().Be(3);

        // The new state's timer (open:resultsFeedback) moves the campaign into it when the window opens.
        Clock.SetUtcNow(Beijing(2024, 12, 16, 9, 0, 0));
        await RunClockAsync();
        (await InstanceOfAsync(campaignId)).State.Should().Be("ResultsFeedback");

        var summary = (await ListAsync()).Single(c => c.Year == 2024);
        summary.OpenStages.Select(s => (s.Key, s.Name)).Should().Equal(("results", "公布评审结果"), ("resultsFeedback", "评审结果反馈"));
        summary.StateName.Should().Be("评审结果反馈");
        summary.NextStage!.Key.Should().Be("certificates");
    }

    [Test]
    public async Task CampaignCreatedOnVersion2_KeepsItsThirteenStages_AfterVersion3IsAdded()
    {
        await PublishVersion3Async();

        var timeline = await TimelineAsync(2023);
        timeline.Stages.Should().HaveCount(13);
        timeline.Stages.Should().NotContain(s => s.Key == "resultsFeedback");
        (await CampaignInstanceAsync()).DefinitionVersion.Should().Be(2);

        // Its windows are checked against its own stages, which do not include the new one.
        await MoveAsync(timeline.CampaignId, "payment", new DateTime(2023, 9, 11, 0, 0, 0), new DateTime(2023, 9, 18, 23, 59, 59));
        (await TimelineAsync(2023)).Stages.Single(s => s.Key == "payment").LastSecond.Should().Be(Beijing(2023, 9, 18, 23, 59, 59));
    }

    [Test]
    public async Task OnceVersion3IsLatest_ATimelineWithoutItsNewStage_IsRefusedNamingIt()
    {
        await PublishVersion3Async();
        var office = await ActorAsync("office");

        var copy = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2025, office)));
        await copy.Should().ThrowAsync<DomainException>().WithMessage("*缺少阶段“评审结果反馈”的时间安排。*可导出该年度的时间安排，补齐后导入。");

        var document = TimelineDocument.Parse(Workflows2023Timeline().Replace("\"year\": 2023", "\"year\": 2025", StringComparison.Ordinal));
        var import = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>().HandleAsync(new CreateCampaignFromTimeline(document, office)));
        (await import.Should().ThrowAsync<ValidationException>()).Which.Errors["stages.resultsFeedback"].Should().Equal("缺少阶段“评审结果反馈”的时间安排。");
    }

    [Test]
    public async Task StageWithinAnother_CannotBeMovedOutOfIt()
    {
        await PublishVersion3Async();
        var campaignId = await CreateFromFileAsync(2024);

        var act = () => MoveAsync(campaignId, "resultsFeedback", new DateTime(2024, 12, 20, 0, 0, 0), new DateTime(2024, 12, 30, 23, 59, 59));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["closesAt"].Single()
            .Should().Be("“评审结果反馈”（2024-12-20 00:00:00 至 2024-12-30 23:59:59）须在“公布评审结果”的时间（2024-12-11 00:00:00 至 2024-12-22 23:59:59）之内。");

        // Inside its parent it may open with it, before stages that follow the parent: it is out of the calendar order.
        await MoveAsync(campaignId, "resultsFeedback", new DateTime(2024, 12, 11, 0, 0, 0), new DateTime(2024, 12, 12, 23, 59, 59));
        (await TimelineAsync(2024)).Stages.Single(s => s.Key == "resultsFeedback").OpensAt.Should().Be(Beijing(2024, 12, 11, 0, 0, 0));
    }

    /// <summary>Publishes campaign version 3 and the 2024 timeline, and restarts the application on them.</summary>
    private async Task PublishVersion3Async()
    {
        Workflows.PublishDefinition("campaign.v3.json");
        Workflows.AddTimeline("2024.json");
        await RestartServicesAsync();
        await InitializeDatabaseAsync();
    }

    private async Task<Guid> CreateFromFileAsync(int year)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>()
            .HandleAsync(new CreateCampaignFromTimeline(TimelineDocument.Parse(sp.GetRequiredService<ITimelineFiles>().Read(year)), office)));
    }

    private string Workflows2023Timeline() => File.ReadAllText(Path.Combine(Workflows.Path, "timelines", "2023.json"));

    private async Task MoveAsync(Guid campaignId, string stage, DateTime opens, DateTime lastSecond)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateStageWindow, Guid>>()
            .HandleAsync(new UpdateStageWindow(campaignId, stage, opens, lastSecond, null, office)));
    }

    private Task<Domain.Workflows.WorkflowInstance> InstanceOfAsync(Guid campaignId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.AsNoTracking()
            .SingleAsync(i => i.SubjectType == "Campaign" && i.SubjectId == campaignId));

    private Task<TimelineDto> TimelineAsync(int year) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetTimeline, TimelineDto>>().HandleAsync(new GetTimeline(year)));

    private Task<IReadOnlyList<CampaignSummary>> ListAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>>>().HandleAsync(new ListCampaigns()));
}

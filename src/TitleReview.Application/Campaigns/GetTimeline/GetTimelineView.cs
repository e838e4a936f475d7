using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.GetTimeline;

/// <summary>The timeline editor: a year's timeline and the changes made to its windows and rules, the newest first.</summary>
public sealed record GetTimelineView(int Year, WorkflowActor Actor);

public sealed record TimelineView(TimelineDto Timeline, IReadOnlyList<JournalRow> Changes);

internal sealed class GetTimelineViewHandler(
    IHandler<GetTimeline, TimelineDto> timeline,
    IHandler<GetInstanceDetail, InstanceDetailDto> instanceDetail) : IHandler<GetTimelineView, TimelineView>
{
    public async Task<TimelineView> HandleAsync(GetTimelineView request, CancellationToken cancellationToken = default)
    {
        var dto = await timeline.HandleAsync(new GetTimeline(request.Year), cancellationToken);
        if (dto.WorkflowInstanceId is not { } instanceId)
        {
            return new TimelineView(dto, []);
        }

        var detail = await instanceDetail.HandleAsync(new GetInstanceDetail(instanceId, request.Actor), cancellationToken);
        var changes = detail.Journal
            .Where(j => j.Trigger is JournalText.EditTimelineTrigger or UpdateLevelRuleHandler.EditRulesTrigger or PublishOfficeDetails.PublishOfficeDetailsHandler.EditOfficeDetailsTrigger)
            .Reverse()
            .ToList();
        return new TimelineView(dto, changes);
    }
}

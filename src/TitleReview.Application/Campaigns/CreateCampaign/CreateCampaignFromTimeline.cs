using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.CreateCampaign;

/// <summary>Creates a year's campaign from a timeline (a shipped file, or an uploaded JSON).</summary>
public sealed record CreateCampaignFromTimeline(TimelineDocument Timeline, WorkflowActor Actor);

internal sealed class CreateCampaignFromTimelineHandler(IApplicationDbContext db, IWorkflowEngine engine, TimeProvider clock)
    : IHandler<CreateCampaignFromTimeline, Guid>
{
    public Task<Guid> HandleAsync(CreateCampaignFromTimeline request, CancellationToken cancellationToken = default)
    {
        var (year, name, cutoff, stages) = request.Timeline.Read();
        var campaign = Campaign.Create(Guid.NewGuid(), year, name, cutoff, stages, clock.GetUtcNow());
        return CampaignWorkflow.CreateAsync(db, engine, campaign, request.Actor, cancellationToken);
    }
}

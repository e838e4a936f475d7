using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.CreateCampaign;

/// <summary>
/// Creates a year's campaign from a timeline (a shipped file, or an uploaded JSON), with the
/// stages of the latest campaign definition: the timeline must carry exactly those.
/// </summary>
public sealed record CreateCampaignFromTimeline(TimelineDocument Timeline, WorkflowActor Actor);

internal sealed class CreateCampaignFromTimelineHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<CreateCampaignFromTimeline, Guid>
{
    public Task<Guid> HandleAsync(CreateCampaignFromTimeline request, CancellationToken cancellationToken = default)
    {
        var catalogue = CampaignWorkflow.NewCampaignStages(definitions);
        var (year, name, cutoff, stages) = request.Timeline.Read(catalogue);
        var fees = request.Timeline.ReadReviewFees();
        var campaign = Campaign.Create(Guid.NewGuid(), year, name, cutoff, stages, catalogue, clock.GetUtcNow());
        foreach (var (level, fee) in fees)
        {
            campaign.SetReviewFee(level, fee);
        }
        if (request.Timeline.ReadOfficeDetails() is { } details)
        {
            campaign.PublishOfficeDetails(details);
        }

        return CampaignWorkflow.CreateAsync(db, engine, campaign, request.Actor, cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Applications;

namespace TitleReview.Application.Campaigns.ListCampaigns;

public sealed record ListCampaigns;

/// <param name="StateName">Where the campaign's workflow stands (the latest stage that has opened).</param>
/// <param name="OpenStages">Every stage whose window is open now, in order: several may be at once.</param>
/// <param name="NextStage">The stage that opens next, if any.</param>
public sealed record CampaignSummary(
    Guid Id,
    int Year,
    string Name,
    string StateName,
    int ApplicationCount,
    IReadOnlyList<StageDto> OpenStages,
    StageDto? NextStage);

internal sealed class ListCampaignsHandler(IApplicationDbContext db, IApplicationCounts counts, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>>
{
    public async Task<IReadOnlyList<CampaignSummary>> HandleAsync(ListCampaigns request, CancellationToken cancellationToken = default)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .Include(c => c.Stages)
            .OrderByDescending(c => c.Year)
            .ToListAsync(cancellationToken);
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == CampaignWorkflow.SubjectType)
            .Select(i => new { i.SubjectId, i.DefinitionId, i.DefinitionVersion, i.State })
            .ToDictionaryAsync(i => i.SubjectId, cancellationToken);
        var applications = await counts.PerCampaignAsync(cancellationToken);

        var now = clock.GetUtcNow();
        return campaigns
            .Where(c => instances.ContainsKey(c.Id))
            .Select(c =>
            {
                var instance = instances[c.Id];
                return new CampaignSummary(
                    c.Id,
                    c.Year,
                    c.Name,
                    definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State),
                    applications.GetValueOrDefault(c.Id),
                    c.StagesOpenAt(now).Select(s => StageDto.From(s, now)).ToList(),
                    c.NextStageAfter(now) is { } next ? StageDto.From(next, now) : null);
            })
            .ToList();
    }
}

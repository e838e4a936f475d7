using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;

namespace TitleReview.Application.Campaigns.ListCampaigns;

public sealed record ListCampaigns;

public sealed record CampaignSummary(Guid Id, int Year, string Name, string StateName, int ApplicationCount);

internal sealed class ListCampaignsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions)
    : IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>>
{
    public async Task<IReadOnlyList<CampaignSummary>> HandleAsync(ListCampaigns request, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from campaign in db.Campaigns.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectType == CampaignWorkflow.SubjectType)
                    on campaign.Id equals instance.SubjectId
                orderby campaign.Year descending
                select new
                {
                    campaign.Id,
                    campaign.Year,
                    campaign.Name,
                    instance.DefinitionId,
                    instance.DefinitionVersion,
                    instance.State,
                    Applications = db.TitleApplications.Count(a => a.CampaignId == campaign.Id),
                })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new CampaignSummary(
                r.Id,
                r.Year,
                r.Name,
                definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State),
                r.Applications))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns.PublishOfficeDetails;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Campaigns.GetOfficeDetails;

/// <summary>The office's page for its details of one year: what is published and the changes made, the newest first.</summary>
public sealed record GetOfficeDetails(int Year);

public sealed record OfficeDetailsChange(DateTimeOffset OccurredAt, string ActorName, string? Text);

/// <param name="Details">Null until the office publishes them.</param>
public sealed record OfficeDetailsPage(Guid CampaignId, int Year, string CampaignName, Guid ConcurrencyToken, OfficeDetails? Details, IReadOnlyList<OfficeDetailsChange> Changes);

internal sealed class GetOfficeDetailsHandler(IApplicationDbContext db) : IHandler<GetOfficeDetails, OfficeDetailsPage>
{
    /// <summary>The page lists the latest changes; the campaign's instance in the monitor has them all.</summary>
    private const int ChangesShown = 20;

    public async Task<OfficeDetailsPage> HandleAsync(GetOfficeDetails request, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度评审工作");
        var changes = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join entry in db.WorkflowJournal.AsNoTracking() on instance.Id equals entry.InstanceId
                where instance.SubjectType == CampaignWorkflow.SubjectType && instance.SubjectId == campaign.Id
                      && entry.Trigger == PublishOfficeDetailsHandler.EditOfficeDetailsTrigger
                orderby entry.Id descending
                select new OfficeDetailsChange(entry.OccurredAt, entry.ActorName, entry.Reason))
            .Take(ChangesShown)
            .ToListAsync(cancellationToken);
        return new OfficeDetailsPage(campaign.Id, campaign.Year, campaign.Name, campaign.ConcurrencyToken, campaign.OfficeDetails, changes);
    }
}

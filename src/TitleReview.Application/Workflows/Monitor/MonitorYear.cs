using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Monitor;

/// <summary>
/// Which instances the monitor shows for a year: those of that year's campaign, and those that
/// belong to no campaign (an integrity case, a committee session) created in that Beijing year.
/// </summary>
internal static class MonitorYear
{
    public static IQueryable<WorkflowInstance> Of(IApplicationDbContext db, IQueryable<WorkflowInstance> instances, int year)
    {
        if (year is < Campaign.MinYear or > Campaign.MaxYear)
        {
            // No campaign has such a year, and a year like 99999 has no instant to compare with.
            return instances.Where(i => false);
        }

        var from = BeijingTime.StartOfDay(new DateOnly(year, 1, 1));
        var to = BeijingTime.StartOfDay(new DateOnly(year + 1, 1, 1));
        return instances.Where(i => i.CampaignId == null
            ? i.CreatedAt >= from && i.CreatedAt < to
            : db.Campaigns.Any(c => c.Id == i.CampaignId && c.Year == year));
    }
}

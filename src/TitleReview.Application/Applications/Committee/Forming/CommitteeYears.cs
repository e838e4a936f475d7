using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>Which committees are still at work: their campaign's defense and vote window has not closed.</summary>
internal static class CommitteeYears
{
    public static DateTimeOffset? DefenseClosesAt(Campaign campaign) =>
        campaign.Stages.FirstOrDefault(s => s.Key == StageKeys.Defense)?.ClosesAt;

    /// <summary>The years of the committees the expert sits on whose review is not over at <paramref name="now"/>.</summary>
    public static async Task<IReadOnlyList<int>> OpenSeatsOfAsync(IApplicationDbContext db, Guid expertId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One committee a year: reading them all and their campaigns costs two commands whatever the expert.
        var committees = await db.ReviewCommittees.AsNoTracking().ToListAsync(cancellationToken);
        var campaignIds = committees.Where(c => c.SeatOf(expertId) is not null).Select(c => c.CampaignId).ToList();
        if (campaignIds.Count == 0)
        {
            return [];
        }

        var campaigns = await db.Campaigns.Include(c => c.Stages).AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToListAsync(cancellationToken);
        return campaigns.Where(c => DefenseClosesAt(c) is not { } closes || closes > now).Select(c => c.Year).Order().ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Applicants;

/// <summary>The campaigns applicants may register for: those whose filing window has not closed yet.</summary>
internal static class RegistrationCampaigns
{
    /// <summary>Campaigns whose filing window closes after <paramref name="now"/>, the soonest to close first.</summary>
    public static async Task<IReadOnlyList<Campaign>> OpenAsync(IApplicationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Few campaigns exist (one a year): the window is compared in memory, in the domain's own terms.
        var campaigns = await db.Campaigns.Include(c => c.Stages).AsNoTracking().ToListAsync(cancellationToken);
        return campaigns
            .Where(c => c.Stage(StageKeys.Filing).ClosesAt > now)
            .OrderBy(c => c.Stage(StageKeys.Filing).ClosesAt)
            .ToList();
    }
}

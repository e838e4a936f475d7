using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Application.Applications;

/// <summary>What the Applications module tells the Campaigns module: how many people applied in each campaign (ADR 22).</summary>
public interface IApplicationCounts
{
    /// <summary>The number of applications per campaign; a campaign nobody applied in is absent.</summary>
    Task<IReadOnlyDictionary<Guid, int>> PerCampaignAsync(CancellationToken cancellationToken = default);
}

internal sealed class ApplicationCounts(IApplicationDbContext db) : IApplicationCounts
{
    public async Task<IReadOnlyDictionary<Guid, int>> PerCampaignAsync(CancellationToken cancellationToken = default) =>
        await db.TitleApplications.AsNoTracking()
            .GroupBy(a => a.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CampaignId, g => g.Count, cancellationToken);
}

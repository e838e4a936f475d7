using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Campaigns;

internal sealed class CurrentCampaign(IApplicationDbContext db, TimeProvider clock) : ICurrentCampaign
{
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(cancellationToken);

    public async Task<Campaign?> ForStageAsync(string stageKey, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var campaigns = await LatestFirstAsync(cancellationToken);
        return campaigns.FirstOrDefault(c => c.Stage(stageKey).IsOpenAt(now))
            ?? campaigns.FirstOrDefault(c => c.Stage(stageKey).OpensAt > now)
            ?? campaigns.FirstOrDefault();
    }

    public Task<Campaign?> OfYearAsync(int year, CancellationToken cancellationToken = default) =>
        db.Campaigns.Include(c => c.Stages).AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, cancellationToken);

    public async Task<IReadOnlyList<Campaign>> OpenAsync(string stageKey, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return (await LatestFirstAsync(cancellationToken)).Where(c => c.Stage(stageKey).IsOpenAt(now)).ToList();
    }

    public async Task<IReadOnlyList<Campaign>> NotClosedAsync(string stageKey, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return (await LatestFirstAsync(cancellationToken))
            .Where(c => c.Stage(stageKey).ClosesAt > now)
            .OrderBy(c => c.Stage(stageKey).ClosesAt)
            .ToList();
    }

    private async Task<IReadOnlyList<Campaign>> LatestFirstAsync(CancellationToken cancellationToken) =>
        await db.Campaigns.Include(c => c.Stages).AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
}

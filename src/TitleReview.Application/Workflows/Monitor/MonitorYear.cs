using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
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

/// <summary>
/// A year's instances as two parts that each seek an index (ADR 0027): the year's campaign's,
/// and those of no campaign created within the year. The monitor's hot queries read each part
/// on its own and add them up, where the one predicate of <see cref="MonitorYear"/> scans
/// every instance of every year.
/// </summary>
internal sealed record MonitorYearParts(Guid? CampaignId, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>A year no campaign can have: both parts are empty.</summary>
    private static readonly MonitorYearParts None = new(null, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    public static async Task<MonitorYearParts> ResolveAsync(IApplicationDbContext db, int year, CancellationToken cancellationToken)
    {
        if (year is < Campaign.MinYear or > Campaign.MaxYear)
        {
            return None;
        }

        var campaignId = await db.Campaigns.AsNoTracking()
            .Where(c => c.Year == year)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new MonitorYearParts(
            campaignId,
            BeijingTime.StartOfDay(new DateOnly(year, 1, 1)),
            BeijingTime.StartOfDay(new DateOnly(year + 1, 1, 1)));
    }

    public IQueryable<WorkflowInstance> OfCampaign(IQueryable<WorkflowInstance> instances) =>
        CampaignId is { } campaignId ? instances.Where(i => i.CampaignId == campaignId) : instances.Where(i => false);

    public IQueryable<WorkflowInstance> WithoutCampaign(IQueryable<WorkflowInstance> instances) =>
        instances.Where(i => i.CampaignId == null && i.CreatedAt >= From && i.CreatedAt < To);

    /// <summary>Both parts, each projected before they are added, so each reads only the index that holds what it selects.</summary>
    public IQueryable<T> Select<T>(IQueryable<WorkflowInstance> instances, Expression<Func<WorkflowInstance, T>> projection) =>
        OfCampaign(instances).Select(projection).Concat(WithoutCampaign(instances).Select(projection));
}

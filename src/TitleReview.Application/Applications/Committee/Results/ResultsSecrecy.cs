using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Results;

/// <summary>
/// The committee's result is secret until the results publicity's first day (notice 三, 5): until
/// then a decided case (a state meaning <see cref="StateCapabilities.CommitteeDecided"/>) reads as
/// awaiting the results for everyone but the office and the committee, and its journal's reasons
/// (the tally) are not shown. Every page that shows an applicant or an auditor a case's state asks here.
/// </summary>
internal static class ResultsSecrecy
{
    public const string AwaitingResults = IDecisionSecrecy.AwaitingResults;

    private static readonly string[] Readers = [Roles.Office, Roles.Inspector, Roles.Expert];

    /// <summary>Whether the actor reads decided cases as they are (the office and the committee do).</summary>
    public static bool SeesDecisions(WorkflowActor actor) => actor.HasAnyRole(Readers);

    /// <summary>Of the given campaigns, those whose results publicity has started. One query, none when the list is empty.</summary>
    public static async Task<IReadOnlySet<Guid>> PublicInAsync(IApplicationDbContext db, IReadOnlyCollection<Guid> campaignIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (campaignIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var today = BeijingTime.DateOf(now);
        var started = await db.PublicPublicities.AsNoTracking()
            .Where(p => p.Kind == PublicPublicityKind.CommitteeResults && campaignIds.Contains(p.CampaignId) && p.FirstDay <= today)
            .Select(p => p.CampaignId)
            .ToListAsync(cancellationToken);
        return started.ToHashSet();
    }

    /// <summary>Whether this one case's decision must still be hidden from the actor. One query for a decided case an outsider reads, none otherwise.</summary>
    public static async Task<bool> HiddenAsync(IApplicationDbContext db, bool decided, Guid campaignId, WorkflowActor actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        decided && !SeesDecisions(actor) && !(await PublicInAsync(db, [campaignId], now, cancellationToken)).Contains(campaignId);
}

/// <summary>The monitor's and the workflow API's question, answered by <see cref="ResultsSecrecy"/>.</summary>
internal sealed class DecisionSecrecy(IApplicationDbContext db, TimeProvider clock) : IDecisionSecrecy
{
    public Task<bool> HidesDecisionAsync(Guid campaignId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        ResultsSecrecy.HiddenAsync(db, decided: true, campaignId, actor, clock.GetUtcNow(), cancellationToken);
}

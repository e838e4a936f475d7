using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;

namespace TitleReview.Application.Applications.Preliminary;

/// <summary>
/// <see cref="IEligibility"/> on the database: five reads whatever the number of applications
/// (the applications, their campaigns with the level rules, the entries, the scans' slots and the
/// education ticks), then the Domain's pure <see cref="EligibilityCheck"/> on each.
/// </summary>
internal sealed class EligibilityEvaluator(IApplicationDbContext db) : IEligibility
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<EligibilityOutcome>>> EvaluateAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        if (applicationIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<EligibilityOutcome>>();
        }

        var ids = applicationIds.Distinct().ToList();
        var applications = await db.TitleApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var campaignIds = applications.Select(a => a.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Rules).Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var items = (await db.DossierItems.AsNoTracking().Where(i => ids.Contains(i.ApplicationId)).ToListAsync(cancellationToken))
            .ToLookup(i => i.ApplicationId);
        var slots = (await db.DossierAttachments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).Select(a => new { a.ApplicationId, a.SlotKey }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ApplicationId, a => a.SlotKey);
        var verifiedEducation = (await db.DossierVerifications.AsNoTracking()
                .Where(v => ids.Contains(v.ApplicationId) && v.ItemKey == DossierItemKeys.Degree)
                .Select(v => v.ApplicationId)
                .ToListAsync(cancellationToken))
            .ToHashSet();

        return applications.ToDictionary(
            a => a.Id,
            a => OutcomesOf(
                EligibilityFacts.Of(a, [.. items[a.Id]], slots[a.Id].ToHashSet(), verifiedEducation.Contains(a.Id) ? [DossierItemKeys.Degree] : []),
                campaigns[a.CampaignId].EligibilityTermsFor(a.Level)));
    }

    /// <summary>The Domain's results as the published contract reads them.</summary>
    internal static IReadOnlyList<EligibilityOutcome> OutcomesOf(EligibilityFacts facts, EligibilityTerms terms) =>
        EligibilityCheck.Evaluate(facts, terms).Select(r => new EligibilityOutcome(r.Rule, r.Condition, r.Met, r.Detail)).ToList();
}

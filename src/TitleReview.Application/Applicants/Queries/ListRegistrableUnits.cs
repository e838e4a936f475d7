using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;

namespace TitleReview.Application.Applicants.Queries;

/// <summary>
/// The units a person may choose when registering as an applicant: every unit that registered
/// its auditor in a campaign whose filing window has not closed, with whether it is confirmed
/// (only a confirmed unit's staff may register; the others are listed so people learn why).
/// </summary>
public sealed record ListRegistrableUnits;

/// <param name="Year">The campaign the answer is about: the one the unit is confirmed in, or the nearest one.</param>
public sealed record RegistrableUnit(Guid UnitId, string Name, bool IsConfirmed, int Year);

internal sealed class ListRegistrableUnitsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, ICurrentCampaign currentCampaign)
    : IHandler<ListRegistrableUnits, IReadOnlyList<RegistrableUnit>>
{
    public async Task<IReadOnlyList<RegistrableUnit>> HandleAsync(ListRegistrableUnits request, CancellationToken cancellationToken = default)
    {
        var campaigns = await currentCampaign.NotClosedAsync(StageKeys.Filing, cancellationToken);
        if (campaigns.Count == 0)
        {
            return [];
        }

        var campaignIds = campaigns.Select(c => c.Id).ToList();
        var confirmedStates = definitions.StatesWith(UnitRegistrationWorkflow.DefinitionId, StateCapabilities.RegistrationConfirmed);
        var registrations = await (
                from registration in db.UnitRegistrations.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on registration.Id equals instance.SubjectId
                where campaignIds.Contains(registration.CampaignId) && instance.SubjectType == UnitRegistrationWorkflow.SubjectType
                select new { registration.CampaignId, registration.UnitId, registration.CreditCode, instance.State })
            .ToListAsync(cancellationToken);

        // A registration names its unit once approved; before that, the credit code ties it to a known unit.
        var unitIds = registrations.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var codes = registrations.Select(r => r.CreditCode).Distinct().ToList();
        var units = await db.Units.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id) || codes.Contains(u.CreditCode))
            .Select(u => new { u.Id, u.Name, u.CreditCode })
            .ToListAsync(cancellationToken);

        var order = campaigns.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var years = campaigns.ToDictionary(c => c.Id, c => c.Year);
        return units
            .Select(unit =>
            {
                var own = registrations.Where(r => r.UnitId == unit.Id || r.CreditCode == unit.CreditCode).ToList();
                var confirmed = own.Where(r => r.UnitId == unit.Id && confirmedStates.Contains(r.State))
                    .OrderBy(r => order[r.CampaignId])
                    .FirstOrDefault();
                var about = confirmed ?? own.OrderBy(r => order[r.CampaignId]).First();
                return new RegistrableUnit(unit.Id, unit.Name, confirmed is not null, years[about.CampaignId]);
            })
            .OrderByDescending(u => u.IsConfirmed)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
    }
}

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

internal sealed class ListRegistrableUnitsHandler(IApplicationDbContext db, IUnitDirectory units, TimeProvider clock)
    : IHandler<ListRegistrableUnits, IReadOnlyList<RegistrableUnit>>
{
    public async Task<IReadOnlyList<RegistrableUnit>> HandleAsync(ListRegistrableUnits request, CancellationToken cancellationToken = default)
    {
        var campaigns = await RegistrationCampaigns.OpenAsync(db, clock.GetUtcNow(), cancellationToken);
        if (campaigns.Count == 0)
        {
            return [];
        }

        var registered = await units.ListRegisteredAsync(campaigns.Select(c => c.Id).ToList(), cancellationToken);

        // The campaign the answer is about: the soonest to close among those the unit is confirmed in, else among those it registered in.
        return registered
            .Select(unit =>
            {
                var confirmed = campaigns.FirstOrDefault(c => unit.ConfirmedIn.Contains(c.Id));
                var about = confirmed ?? campaigns.First(c => unit.RegisteredIn.Contains(c.Id));
                return new RegistrableUnit(unit.UnitId, unit.Name, confirmed is not null, about.Year);
            })
            .OrderByDescending(u => u.IsConfirmed)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
    }
}

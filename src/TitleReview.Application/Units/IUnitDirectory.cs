using TitleReview.Domain.Units;

namespace TitleReview.Application.Units;

/// <summary>
/// What the Units module tells the other modules about units and their registrations. Applicants
/// and Applications ask here and never read the units' or registrations' tables themselves, so the
/// Units module may change how it keeps them (ADR 22).
/// </summary>
public interface IUnitDirectory
{
    /// <summary>Whether the unit's auditor is confirmed in the campaign: only then may its people register and apply.</summary>
    Task<bool> IsConfirmedAsync(Guid campaignId, Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>The unit as papers print it; null when there is no such unit.</summary>
    Task<UnitCard?> FindAsync(Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>The units among <paramref name="unitIds"/> that exist, each with what papers print of it.</summary>
    Task<IReadOnlyDictionary<Guid, UnitCard>> FindAllAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default);

    /// <summary>Every unit, by name.</summary>
    Task<IReadOnlyList<UnitCard>> ListAsync(CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The supervising department (主管部门) the unit's registration in the campaign names; empty
    /// when the unit has no approved registration there.
    /// </summary>
    Task<string> SupervisingDepartmentAsync(Guid campaignId, Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The public registration number (e.g. DW2023-0007) of each unit among <paramref name="unitIds"/>
    /// in the campaign (its latest registration); units without one are missing.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> RegistrationNumbersAsync(Guid campaignId, IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="mobile"/> is the auditor's mobile of a registration (not rejected) in one of the campaigns, even before approval.</summary>
    Task<bool> IsRegisteredAuditorAsync(IReadOnlyCollection<Guid> campaignIds, string mobile, CancellationToken cancellationToken = default);

    /// <summary>The known units registered in any of the campaigns, with the campaigns each registered and was confirmed in.</summary>
    Task<IReadOnlyList<RegisteredUnit>> ListRegisteredAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken cancellationToken = default);
}

public sealed record UnitCard(Guid Id, string Name, string CreditCode, UnitNature Nature, string Region);

/// <param name="RegisteredIn">Campaigns with a registration for the unit (matched by credit code until approval names the unit).</param>
/// <param name="ConfirmedIn">Campaigns in which the unit's auditor is confirmed.</param>
public sealed record RegisteredUnit(Guid UnitId, string Name, IReadOnlyList<Guid> RegisteredIn, IReadOnlyList<Guid> ConfirmedIn);

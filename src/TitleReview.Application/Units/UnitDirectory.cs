using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units;

internal sealed class UnitDirectory(IApplicationDbContext db, IWorkflowDefinitions definitions) : IUnitDirectory
{
    public Task<bool> IsConfirmedAsync(Guid campaignId, Guid unitId, CancellationToken cancellationToken = default)
    {
        var confirmed = definitions.StatesWith(UnitRegistrationWorkflow.DefinitionId, StateCapabilities.RegistrationConfirmed);
        return (from registration in db.UnitRegistrations
                join instance in db.WorkflowInstances on registration.Id equals instance.SubjectId
                where registration.CampaignId == campaignId
                      && registration.UnitId == unitId
                      && instance.SubjectType == UnitRegistrationWorkflow.SubjectType
                      && confirmed.Contains(instance.State)
                select registration.Id).AnyAsync(cancellationToken);
    }

    public async Task<UnitCard?> FindAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        (await FindAllAsync([unitId], cancellationToken)).GetValueOrDefault(unitId);

    public async Task<IReadOnlyDictionary<Guid, UnitCard>> FindAllAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default) =>
        unitIds.Count == 0
            ? new Dictionary<Guid, UnitCard>()
            : await db.Units.AsNoTracking()
                .Where(u => unitIds.Contains(u.Id))
                .Select(u => new UnitCard(u.Id, u.Name, u.CreditCode, u.Nature, u.Region))
                .ToDictionaryAsync(u => u.Id, cancellationToken);

    public async Task<IReadOnlyList<UnitCard>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking()
            .OrderBy(u => u.Name)
            .Select(u => new UnitCard(u.Id, u.Name, u.CreditCode, u.Nature, u.Region))
            .ToListAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Units.CountAsync(cancellationToken);

    public async Task<string> SupervisingDepartmentAsync(Guid campaignId, Guid unitId, CancellationToken cancellationToken = default) =>
        await db.UnitRegistrations.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.UnitId == unitId)
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => r.SupervisingDepartment)
            .FirstOrDefaultAsync(cancellationToken)
        ?? string.Empty;

    public async Task<IReadOnlyDictionary<Guid, string>> RegistrationNumbersAsync(Guid campaignId, IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default)
    {
        var rows = await db.UnitRegistrations.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.UnitId != null && unitIds.Contains(r.UnitId.Value))
            .Select(r => new { UnitId = r.UnitId!.Value, r.Number, r.SubmittedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SubmittedAt).First().Number);
    }

    public Task<bool> IsRegisteredAuditorAsync(IReadOnlyCollection<Guid> campaignIds, string mobile, CancellationToken cancellationToken = default)
    {
        var rejected = definitions.StatesWith(UnitRegistrationWorkflow.DefinitionId, StateCapabilities.RegistrationRejected);
        return (from registration in db.UnitRegistrations
                join instance in db.WorkflowInstances on registration.Id equals instance.SubjectId
                where campaignIds.Contains(registration.CampaignId)
                      && registration.AuditorMobile == mobile
                      && instance.SubjectType == UnitRegistrationWorkflow.SubjectType
                      && !rejected.Contains(instance.State)
                select registration.Id).AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RegisteredUnit>> ListRegisteredAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken cancellationToken = default)
    {
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

        return units
            .Select(unit =>
            {
                var own = registrations.Where(r => r.UnitId == unit.Id || r.CreditCode == unit.CreditCode).ToList();
                return new RegisteredUnit(
                    unit.Id,
                    unit.Name,
                    own.Select(r => r.CampaignId).Distinct().ToList(),
                    own.Where(r => r.UnitId == unit.Id && confirmedStates.Contains(r.State)).Select(r => r.CampaignId).Distinct().ToList());
            })
            .ToList();
    }
}

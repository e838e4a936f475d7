using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.Queries;

/// <summary>The auditor's own unit's registrations, the newest first (empty for anyone who is not a unit's auditor).</summary>
public sealed record ListUnitRegistrations(WorkflowActor Actor);

/// <param name="PermittedTriggers">What the auditor may do on the registration now; asked only where its state offers the confirmation.</param>
public sealed record UnitRegistrationRow(
    Guid Id,
    string Number,
    int Year,
    UnitRegistrationDetails Details,
    string NatureName,
    string StateName,
    Guid InstanceToken,
    IReadOnlyList<PermittedTrigger> PermittedTriggers);

internal sealed class ListUnitRegistrationsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IWorkflowEngine engine)
    : IHandler<ListUnitRegistrations, IReadOnlyList<UnitRegistrationRow>>
{
    public async Task<IReadOnlyList<UnitRegistrationRow>> HandleAsync(ListUnitRegistrations request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Auditor) || request.Actor.UnitId is not { } unitId)
        {
            return [];
        }

        var rows = await (
                from registration in db.UnitRegistrations.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on registration.Id equals instance.SubjectId
                join campaign in db.Campaigns.AsNoTracking() on registration.CampaignId equals campaign.Id
                where registration.UnitId == unitId && instance.SubjectType == UnitRegistrationWorkflow.SubjectType
                orderby registration.SubmittedAt descending
                select new { registration, campaign.Year, instance.Id, instance.State, instance.DefinitionId, instance.DefinitionVersion, instance.ConcurrencyToken })
            .ToListAsync(cancellationToken);

        var result = new List<UnitRegistrationRow>(rows.Count);
        foreach (var row in rows)
        {
            var definition = definitions.Get(row.DefinitionId, row.DefinitionVersion);

            // The engine weighs roles and guards; a state that offers no confirmation needs no asking.
            var permitted = definition.TransitionFor(WorkflowOperations.ConfirmRegistration, row.State) is null
                ? []
                : await engine.PermittedTriggersAsync(row.Id, request.Actor, cancellationToken);
            result.Add(new UnitRegistrationRow(
                row.registration.Id,
                row.registration.Number,
                row.Year,
                row.registration.Details,
                UnitNatures.DisplayName(row.registration.Nature),
                definition.StateDisplayName(row.State),
                row.ConcurrencyToken,
                permitted));
        }

        return result;
    }
}

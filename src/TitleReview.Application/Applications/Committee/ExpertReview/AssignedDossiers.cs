using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.ExpertReview;

/// <summary>A candidate's case an expert is assigned: seated, reviewing its level, pledged and not recused.</summary>
/// <param name="BeforeCommittee">The case is before the committee now (its state means referredToCommittee): opinions may still change.</param>
internal sealed record AssignedDossier(ExpertSeat Seat, Guid ApplicationId, Guid InstanceId, Guid CampaignId, int Year, TitleLevel Level, bool BeforeCommittee);

/// <summary>What an expert may do with one candidate's dossier.</summary>
/// <param name="Dossier">Null when the expert must pledge first (<see cref="PledgeYear"/>).</param>
internal sealed record DossierAssignment(AssignedDossier? Dossier, int? PledgeYear);

/// <summary>
/// Whether an expert account may read a candidate's dossier and its scans (issue 16, 3): the one
/// place the expert's pages and the scan endpoint ask. The case must have gone to the committee
/// (before or after its vote); the expert must sit on that campaign's committee, review the
/// case's level and not be recused (<see cref="ICommitteeSeats"/> decides recusal).
/// </summary>
internal interface IAssignedDossiers
{
    /// <summary>Null when the expert may not see the dossier at all: the caller answers "not found".</summary>
    Task<DossierAssignment?> FindAsync(WorkflowActor actor, Guid applicationId, CancellationToken cancellationToken = default);
}

internal sealed class AssignedDossiers(IApplicationDbContext db, IWorkflowDefinitions definitions, ICommitteeSeats seats) : IAssignedDossiers
{
    public async Task<DossierAssignment?> FindAsync(WorkflowActor actor, Guid applicationId, CancellationToken cancellationToken = default)
    {
        if (!actor.Roles.Contains(Roles.Expert))
        {
            return null;
        }

        var referred = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.ReferredToCommittee);
        var found = await (
                from application in db.TitleApplications.AsNoTracking()
                where application.Id == applicationId
                join instance in db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectType == ApplicationWorkflow.SubjectType)
                    on application.Id equals instance.SubjectId
                join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                select new
                {
                    application.CampaignId,
                    campaign.Year,
                    application.Level,
                    InstanceId = instance.Id,
                    BeforeCommittee = referred.Contains(instance.State),

                    // After the vote the case leaves the committee's states; the journal keeps that it went there.
                    Referred = referred.Contains(instance.State) || db.WorkflowJournal.Any(j => j.InstanceId == instance.Id && referred.Contains(j.ToState)),
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is not { Referred: true })
        {
            return null;
        }

        var seat = await seats.SeatAsync(actor.Id, found.CampaignId, cancellationToken);
        if (seat is null || !seat.Reviews(found.Level))
        {
            return null;
        }

        if (!seat.Pledged)
        {
            return new DossierAssignment(null, found.Year);
        }

        var recusals = await seats.RecusalsAsync(seat.ExpertId, found.CampaignId, cancellationToken);
        return recusals.ContainsKey(applicationId)
            ? null
            : new DossierAssignment(new AssignedDossier(seat, applicationId, found.InstanceId, found.CampaignId, found.Year, found.Level, found.BeforeCommittee), null);
    }
}

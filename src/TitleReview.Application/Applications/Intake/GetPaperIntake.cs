using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;

namespace TitleReview.Application.Applications.Intake;

/// <summary>
/// The year's paper intake for the office's views and exports: per unit, as
/// <see cref="ListPaperDeliveryProgress"/> gives it, and per person submitted to the office
/// (including those the window closed on), where the envelope stands and what it lacked.
/// </summary>
public sealed record GetPaperIntake(int Year);

public sealed record PaperIntake(IReadOnlyList<UnitPaperProgress> Units, IReadOnlyList<PersonPaperStatus> People);

/// <param name="StateName">The case's state as its definition names it.</param>
/// <param name="MissingItems">How many checklist items were checked in missing or wrong; 0 before the check-in.</param>
/// <param name="Shortfall">Those items with their notes, as the journal and the receipt say them; null when none.</param>
/// <param name="DuplicatedScans">How many of the dossier's scans another applicant's dossier holds too.</param>
public sealed record PersonPaperStatus(
    Guid ApplicationId,
    Guid UnitId,
    string Name,
    TitleLevel Level,
    string StateName,
    EnvelopeStatus Status,
    int MissingItems,
    string? Shortfall,
    int DuplicatedScans)
{
    public string StatusName => EnvelopeStatuses.DisplayName(Status);
}

internal sealed class GetPaperIntakeHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units)
    : IHandler<GetPaperIntake, PaperIntake>
{
    /// <remarks>
    /// A fixed number of queries whatever the number of units and people: the campaign, the
    /// submitted cases, the deliveries with their check-ins (read once for both lists), the
    /// exceptions, the unit cards, the duplicated scans.
    /// </remarks>
    public async Task<PaperIntake> HandleAsync(GetPaperIntake request, CancellationToken cancellationToken = default)
    {
        var campaign = await IntakeData.CampaignAsync(db, request.Year, cancellationToken);
        var reader = new PaperIntakeReader(db, definitions, units);
        var rows = await reader.SubmittedAsync(campaign.Id, null, cancellationToken);
        var deliveries = await reader.DeliveriesAsync(campaign.Id, cancellationToken);
        var progress = await reader.ProgressAsync(campaign.Id, rows, deliveries, cancellationToken);
        var checkIns = deliveries.SelectMany(d => d.Envelopes).ToDictionary(e => e.ApplicationId);
        var duplicated = await Dossier.DuplicateScans.CountPerApplicationAsync(db, rows.Select(r => r.ApplicationId).ToList(), cancellationToken);
        var people = rows.Select(r =>
            {
                var checkIn = checkIns.GetValueOrDefault(r.ApplicationId);
                var lacking = checkIn?.Items.Count(i => !i.IsReceived) ?? 0;
                return new PersonPaperStatus(
                    r.ApplicationId,
                    r.UnitId,
                    r.Name,
                    r.Level,
                    definitions.Get(r.Instance.DefinitionId, r.Instance.DefinitionVersion).StateDisplayName(r.Instance.State),
                    IntakeData.StatusOf(definitions, r.Instance, checkIn),
                    lacking,
                    lacking > 0 ? checkIn!.Shortfall : null,
                    duplicated.GetValueOrDefault(r.ApplicationId));
            })
            .ToList();
        return new PaperIntake(progress, people);
    }
}

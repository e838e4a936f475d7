using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Units;
using TitleReview.Application.Units;
using TitleReview.Application.Common.Exceptions;

namespace TitleReview.Application.Applications.Publicity;

/// <summary>For the office: the dossiers each unit has submitted, with counts.</summary>
public sealed record ListIncoming(int Year);

public sealed record IncomingUnit(Guid UnitId, string UnitName, string Region, int Count, IReadOnlyList<IncomingApplicant> Applicants)
{
    /// <summary>After the payment window closed: the unit's unpaid review-fee status (逾期未缴费, 少缴，待补缴); null when paid or before.</summary>
    public string? UnpaidFee { get; init; }
}

/// <param name="DuplicatedScans">How many of the dossier's scans another applicant's dossier holds too.</param>
public sealed record IncomingApplicant(Guid ApplicationId, string Name, TitleLevel Level, DateTimeOffset SubmittedAt, int DuplicatedScans = 0);

/// <summary>For the auditor: the paper items each of the unit's applicants must put in the envelope.</summary>
/// <param name="SubmittedOnly">Only the applicants already submitted to the office (whose envelopes the unit delivers), rather than every approved one.</param>
public sealed record GetUnitChecklist(Guid UnitId, int Year, bool SubmittedOnly = false);

public sealed record PersonChecklist(Guid ApplicationId, string Name, TitleLevel Level, IReadOnlyList<ChecklistItem> Items);

public sealed record UnitChecklist(string UnitName, UnitNature Nature, int Year, IReadOnlyList<PersonChecklist> People);

internal sealed class ListIncomingHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Fees.IUnitPayments payments) : IHandler<ListIncoming, IReadOnlyList<IncomingUnit>>
{
    public async Task<IReadOnlyList<IncomingUnit>> HandleAsync(ListIncoming request, CancellationToken cancellationToken = default)
    {
        var submitted = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SubmittedToOffice);
        var rows = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                where campaign.Year == request.Year && instance.SubjectType == ApplicationWorkflow.SubjectType && submitted.Contains(instance.State)
                select new { application.UnitId, application.ApplicantName, application.Level, ApplicationId = application.Id, instance.StateEnteredAt })
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync(rows.Select(r => r.UnitId).Distinct().ToList(), cancellationToken);
        var duplicated = await Dossier.DuplicateScans.CountPerApplicationAsync(db, rows.Select(r => r.ApplicationId).ToList(), cancellationToken);
        var unpaid = await payments.UnpaidAfterCloseAsync(request.Year, cancellationToken);
        return rows.GroupBy(r => cards[r.UnitId])
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new IncomingUnit(g.Key.Id, g.Key.Name, g.Key.Region, g.Count(), g.OrderBy(r => r.ApplicantName, StringComparer.Ordinal)
                .Select(r => new IncomingApplicant(r.ApplicationId, r.ApplicantName, r.Level, r.StateEnteredAt, duplicated.GetValueOrDefault(r.ApplicationId)))
                .ToList())
            {
                UnpaidFee = unpaid.GetValueOrDefault(g.Key.Id),
            })
            .ToList();
    }
}

internal sealed class GetUnitChecklistHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units) : IHandler<GetUnitChecklist, UnitChecklist>
{
    /// <summary>The dossiers still on their way to the office: approved by the unit and not dropped out.</summary>
    private static readonly string[] Going =
        [StateCapabilities.PublicityMayStart, StateCapabilities.PublicityRunning, StateCapabilities.ReadyForOffice, StateCapabilities.SubmittedToOffice];

    public async Task<UnitChecklist> HandleAsync(GetUnitChecklist request, CancellationToken cancellationToken = default)
    {
        var going = (request.SubmittedOnly ? [StateCapabilities.SubmittedToOffice] : Going)
            .SelectMany(c => definitions.StatesWith(ApplicationWorkflow.DefinitionId, c)).Distinct().ToArray();
        var unit = await units.FindAsync(request.UnitId, cancellationToken) ?? throw new NotFoundException("该单位");
        var rows = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                where campaign.Year == request.Year && application.UnitId == unit.Id && instance.SubjectType == ApplicationWorkflow.SubjectType && going.Contains(instance.State)
                orderby application.ApplicantName
                select application)
            .ToListAsync(cancellationToken);
        return new UnitChecklist(
            unit.Name,
            unit.Nature,
            request.Year,
            rows.Select(a => new PersonChecklist(a.Id, a.ApplicantName, a.Level, PaperChecklist.For(unit.Nature, a.Level, a.EvaluationType, a.FromCivilService))).ToList());
    }
}

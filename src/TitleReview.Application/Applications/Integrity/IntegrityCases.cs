using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Integrity;

/// <summary>The office's integrity cases (诚信案件) of a year, open and decided, and what it may open a case on.</summary>
public sealed record ListIntegrityCases(int? Year, WorkflowActor Actor);

public sealed record IntegrityCaseRow(
    Guid CaseId,
    Guid ApplicationId,
    string ApplicantName,
    string UnitName,
    TitleLevel Level,
    string SourceName,
    IReadOnlyList<IntegrityFinding> Findings,
    int EvidenceCount,
    DateTimeOffset OpenedAt,
    string OpenedByName,
    string StatusName,
    string? OutcomeName,
    DateTimeOffset? DecidedAt,
    string? DecidedByName);

/// <summary>An application of the year the office may open a case on, as the form's choice reads it.</summary>
public sealed record IntegrityCandidate(Guid ApplicationId, string ApplicantName, string UnitName, TitleLevel Level, string StateName);

public sealed record IntegrityUnitChoice(Guid UnitId, string Name);

public sealed record IntegrityCasesView(
    int Year,
    IReadOnlyList<IntegrityCaseRow> Open,
    IReadOnlyList<IntegrityCaseRow> Decided,
    IReadOnlyList<IntegrityCandidate> Candidates,
    IReadOnlyList<IntegrityUnitChoice> Units)
{
    /// <summary>The open cases first, then the decided (the page's older callers read one list).</summary>
    public IReadOnlyList<IntegrityCaseRow> Cases => [.. Open, .. Decided];
}

internal sealed class ListIntegrityCasesHandler(IApplicationDbContext db, IUnitDirectory units, IWorkflowDefinitions definitions) : IHandler<ListIntegrityCases, IntegrityCasesView>
{
    public async Task<IntegrityCasesView> HandleAsync(ListIntegrityCases request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var found = await (
                from integrityCase in db.IntegrityCases.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on integrityCase.ApplicationId equals application.Id
                where integrityCase.CampaignId == campaign.Id
                select new { Case = integrityCase, application.ApplicantName, application.Level })
            .ToListAsync(cancellationToken);
        var applications = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaign.Id
                select new { application.Id, application.ApplicantName, application.UnitId, application.Level, instance.DefinitionId, instance.DefinitionVersion, instance.State })
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync([.. found.Select(f => f.Case.UnitId).Concat(applications.Select(a => a.UnitId)).Distinct()], cancellationToken);
        string UnitName(Guid id) => cards.TryGetValue(id, out var card) ? card.Name : string.Empty;

        var rows = found
            .Select(f => new IntegrityCaseRow(
                f.Case.Id,
                f.Case.ApplicationId,
                f.ApplicantName,
                UnitName(f.Case.UnitId),
                f.Level,
                IntegrityCaseNames.Describe(f.Case.Source),
                f.Case.Findings,
                f.Case.Evidence.Count,
                f.Case.OpenedAt,
                f.Case.OpenedByName,
                IntegrityCaseNames.Describe(f.Case.Status),
                f.Case.Outcome is { } outcome ? IntegrityCaseNames.Describe(outcome) : null,
                f.Case.DecidedAt,
                f.Case.DecidedByName))
            .ToList();
        return new IntegrityCasesView(
            campaign.Year,
            [.. rows.Where(r => r.DecidedAt is null).OrderBy(r => r.OpenedAt)],
            [.. rows.Where(r => r.DecidedAt is not null).OrderByDescending(r => r.DecidedAt)],
            [.. applications
                .Select(a => new IntegrityCandidate(a.Id, a.ApplicantName, UnitName(a.UnitId), a.Level, definitions.Get(a.DefinitionId, a.DefinitionVersion).StateDisplayName(a.State)))
                .OrderBy(c => c.UnitName, StringComparer.Ordinal)
                .ThenBy(c => c.ApplicantName, StringComparer.Ordinal)],
            [.. applications.Select(a => a.UnitId).Distinct().Where(cards.ContainsKey).Select(id => new IntegrityUnitChoice(id, cards[id].Name)).OrderBy(u => u.Name, StringComparer.Ordinal)]);
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Integrity;

/// <summary>The office's integrity cases (诚信案件) of a year that wait for a decision.</summary>
public sealed record ListIntegrityCases(int? Year, WorkflowActor Actor);

public sealed record IntegrityCaseRow(
    Guid CaseId,
    Guid ApplicationId,
    string ApplicantName,
    string UnitName,
    TitleLevel Level,
    string SourceName,
    IReadOnlyList<IntegrityFinding> Findings,
    DateTimeOffset OpenedAt,
    string OpenedByName,
    string StatusName);

public sealed record IntegrityCasesView(int Year, IReadOnlyList<IntegrityCaseRow> Cases);

internal sealed class ListIntegrityCasesHandler(IApplicationDbContext db, IUnitDirectory units) : IHandler<ListIntegrityCases, IntegrityCasesView>
{
    public async Task<IntegrityCasesView> HandleAsync(ListIntegrityCases request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var found = await (
                from integrityCase in db.IntegrityCases.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on integrityCase.ApplicationId equals application.Id
                where integrityCase.CampaignId == campaign.Id && integrityCase.Status == IntegrityCaseStatus.Open
                select new { Case = integrityCase, application.ApplicantName, application.Level })
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync([.. found.Select(f => f.Case.UnitId).Distinct()], cancellationToken);
        return new IntegrityCasesView(
            campaign.Year,
            [.. found
                .OrderBy(f => f.Case.OpenedAt)
                .Select(f => new IntegrityCaseRow(
                    f.Case.Id,
                    f.Case.ApplicationId,
                    f.ApplicantName,
                    cards.TryGetValue(f.Case.UnitId, out var card) ? card.Name : string.Empty,
                    f.Level,
                    IntegrityCaseNames.Describe(f.Case.Source),
                    f.Case.Findings,
                    f.Case.OpenedAt,
                    f.Case.OpenedByName,
                    IntegrityCaseNames.Describe(f.Case.Status)))]);
    }
}

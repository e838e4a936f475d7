using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Exports;

/// <summary>For the office and the inspector: every application of the year, per unit and level, with its state.</summary>
public sealed record ExportApplicants(int Year, WorkflowActor Actor);

/// <param name="StateName">The state as its definition names it in Chinese.</param>
/// <param name="StartedAt">When the applicant started the application.</param>
public sealed record ApplicantExportRow(
    string UnitName,
    string Region,
    string UnitNature,
    TitleLevel Level,
    string ApplicantName,
    string StateName,
    DateTimeOffset StartedAt);

/// <summary>The applicants sheet's columns, public so that the streaming benchmark writes the same sheet (bench/README.md).</summary>
public static class ApplicantExport
{
    public static readonly SpreadsheetSpec<ApplicantExportRow> Columns = new("申报人",
    [
        new("单位", r => r.UnitName, Width: 36),
        new("地区", r => r.Region, Width: 10),
        new("单位性质", r => r.UnitNature, Width: 14),
        new("申报资格", r => TitleLevels.DisplayName(r.Level), Width: 14),
        new("申报人", r => r.ApplicantName, Width: 12),
        new("状态", r => r.StateName, Width: 30),
        new("申报时间（北京时间）", r => r.StartedAt, CellFormat.BeijingDateTime, Width: 20),
    ]);

    public static string FileName(int year) => $"{year}年度申报人员及状态";
}

/// <remarks>
/// Two queries before the sheet (the year's units, then their cards from the Units module, ADR 22)
/// and one read as the sheet is written: rows are never listed in memory. Units stay together,
/// ordered by their id (their names belong to the Units module), then by level and name.
/// </remarks>
internal sealed class ExportApplicantsHandler(IApplicationDbContext db, ICurrentCampaign campaigns, IWorkflowDefinitions definitions, IUnitDirectory units)
    : IHandler<ExportApplicants, Spreadsheet<ApplicantExportRow>>
{
    public async Task<Spreadsheet<ApplicantExportRow>> HandleAsync(ExportApplicants request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await campaigns.OfYearAsync(request.Year, cancellationToken);
        if (campaign is null)
        {
            return new Spreadsheet<ApplicantExportRow>(ApplicantExport.FileName(request.Year), ApplicantExport.Columns, AsyncEnumerable.Empty<ApplicantExportRow>());
        }

        var unitIds = await db.TitleApplications.AsNoTracking().Where(a => a.CampaignId == campaign.Id).Select(a => a.UnitId).Distinct().ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync(unitIds, cancellationToken);
        return new Spreadsheet<ApplicantExportRow>(ApplicantExport.FileName(request.Year), ApplicantExport.Columns, RowsAsync(campaign.Id, cards, cancellationToken));
    }

    private async IAsyncEnumerable<ApplicantExportRow> RowsAsync(Guid campaignId, IReadOnlyDictionary<Guid, UnitCard> cards, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where application.CampaignId == campaignId && instance.SubjectType == ApplicationWorkflow.SubjectType
                orderby application.UnitId, application.Level, application.ApplicantName, application.Id
                select new { application.UnitId, application.Level, application.ApplicantName, application.CreatedAt, instance.DefinitionId, instance.DefinitionVersion, instance.State })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            var card = cards.GetValueOrDefault(r.UnitId);
            yield return new ApplicantExportRow(
                card?.Name ?? string.Empty,
                card?.Region ?? string.Empty,
                card is null ? string.Empty : UnitNatures.DisplayName(card.Nature),
                r.Level,
                r.ApplicantName,
                definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State),
                r.CreatedAt);
        }
    }
}

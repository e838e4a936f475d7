using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Publicity;

/// <summary>For the office: the incoming list as a spreadsheet, one row per person submitted to the office.</summary>
public sealed record ExportIncoming(int Year);

/// <param name="SubmittedAt">When the unit submitted the dossier to the office (the first journal row into a submitted state).</param>
public sealed record IncomingRow(
    Guid ApplicationId,
    Guid UnitId,
    string UnitName,
    string Region,
    string ApplicantName,
    TitleLevel Level,
    string StateName,
    DateTimeOffset? SubmittedAt,
    bool DuplicatedScans);

internal sealed class ExportIncomingHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units) : IHandler<ExportIncoming, Spreadsheet<IncomingRow>>
{
    /// <summary>
    /// The columns every incoming export has. Later stages (paper check-in, fees) append theirs
    /// with <see cref="SpreadsheetSpec{TRow}.With"/> and a field on <see cref="IncomingRow"/>.
    /// </summary>
    public static readonly SpreadsheetSpec<IncomingRow> Columns = new("报送材料",
    [
        new("单位", r => r.UnitName, Width: 36),
        new("地区", r => r.Region, Width: 10),
        new("申报人", r => r.ApplicantName, Width: 12),
        new("申报资格", r => TitleLevels.DisplayName(r.Level), Width: 22),
        new("状态", r => r.StateName, Width: 22),
        new("报送时间（北京时间）", r => r.SubmittedAt, CellFormat.BeijingDateTime, Width: 20),
        new("扫描件与他人重复", r => r.DuplicatedScans, CellFormat.YesNo, Width: 16),
    ]);

    public async Task<Spreadsheet<IncomingRow>> HandleAsync(ExportIncoming request, CancellationToken cancellationToken = default)
    {
        var submitted = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SubmittedToOffice);
        var unitIds = await Submitted(request.Year, submitted).Select(a => a.UnitId).Distinct().ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync(unitIds, cancellationToken);
        return new Spreadsheet<IncomingRow>($"{request.Year}年度单位报送材料", Columns, RowsAsync(request.Year, submitted, cards, cancellationToken));
    }

    private IQueryable<TitleApplication> Submitted(int year, string[] submitted) =>
        from instance in db.WorkflowInstances.AsNoTracking()
        join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
        join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
        where campaign.Year == year && instance.SubjectType == ApplicationWorkflow.SubjectType && submitted.Contains(instance.State)
        select application;

    /// <remarks>
    /// One query, read as the sheet is written. Units stay together (ordered by their id: their
    /// names belong to the Units module, ADR 22); a scan counts as duplicated when another
    /// applicant's dossier holds the same file, as on the incoming page.
    /// </remarks>
    private async IAsyncEnumerable<IncomingRow> RowsAsync(int year, string[] submitted, IReadOnlyDictionary<Guid, UnitCard> cards, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                where campaign.Year == year && instance.SubjectType == ApplicationWorkflow.SubjectType && submitted.Contains(instance.State)
                orderby application.UnitId, application.ApplicantName
                select new
                {
                    ApplicationId = application.Id,
                    application.UnitId,
                    application.ApplicantName,
                    application.Level,
                    instance.DefinitionId,
                    instance.DefinitionVersion,
                    instance.State,
                    SubmittedAt = db.WorkflowJournal
                        .Where(j => j.InstanceId == instance.Id && submitted.Contains(j.ToState))
                        .OrderBy(j => j.Id)
                        .Select(j => (DateTimeOffset?)j.OccurredAt)
                        .FirstOrDefault(),
                    Duplicated = db.DossierAttachments.Any(mine => mine.ApplicationId == application.Id
                        && db.DossierAttachments.Any(other => other.Sha256 == mine.Sha256
                            && db.TitleApplications.Any(holder => holder.Id == other.ApplicationId && holder.ApplicantUserId != application.ApplicantUserId))),
                })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            var card = cards.GetValueOrDefault(r.UnitId);
            yield return new IncomingRow(
                r.ApplicationId,
                r.UnitId,
                card?.Name ?? string.Empty,
                card?.Region ?? string.Empty,
                r.ApplicantName,
                r.Level,
                definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State),
                r.SubmittedAt,
                r.Duplicated);
        }
    }
}

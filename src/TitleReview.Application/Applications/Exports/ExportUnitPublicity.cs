using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Exports;

/// <summary>For the office and the inspector: the units' own publicity (单位公示) of the year, one row per applicant it ran for.</summary>
public sealed record ExportUnitPublicity(int Year, WorkflowActor Actor);

/// <param name="Outcome">Null while the unit has not recorded the result.</param>
public sealed record UnitPublicityRow(
    string UnitName,
    string Region,
    string ApplicantName,
    TitleLevel Level,
    DateOnly FirstDay,
    DateOnly LastDay,
    PublicityOutcome? Outcome,
    string? Note,
    DateTimeOffset? RecordedAt);

internal sealed class ExportUnitPublicityHandler(IApplicationDbContext db, ICurrentCampaign campaigns, IUnitDirectory units)
    : IHandler<ExportUnitPublicity, Spreadsheet<UnitPublicityRow>>
{
    public static readonly SpreadsheetSpec<UnitPublicityRow> Columns = new("单位公示",
    [
        new("单位", r => r.UnitName, Width: 36),
        new("地区", r => r.Region, Width: 10),
        new("申报人", r => r.ApplicantName, Width: 12),
        new("申报资格", r => TitleLevels.DisplayName(r.Level), Width: 14),
        new("公示开始日期", r => r.FirstDay, CellFormat.Date, Width: 14),
        new("公示结束日期", r => r.LastDay, CellFormat.Date, Width: 14),
        new("公示结果", r => OutcomeName(r.Outcome), Width: 12),
        new("异议及处理情况", r => r.Note, Width: 40),
        new("结果记录时间（北京时间）", r => r.RecordedAt, CellFormat.BeijingDateTime, Width: 22),
    ]);

    public static string OutcomeName(PublicityOutcome? outcome) => outcome switch
    {
        PublicityOutcome.NoObjection => "无异议",
        PublicityOutcome.Objection => "有异议",
        _ => "未记录",
    };

    public async Task<Spreadsheet<UnitPublicityRow>> HandleAsync(ExportUnitPublicity request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var fileName = $"{request.Year}年度单位公示情况";
        var campaign = await campaigns.OfYearAsync(request.Year, cancellationToken);
        if (campaign is null)
        {
            return new Spreadsheet<UnitPublicityRow>(fileName, Columns, AsyncEnumerable.Empty<UnitPublicityRow>());
        }

        var unitIds = await Publicised(campaign.Id).Select(a => a.UnitId).Distinct().ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync(unitIds, cancellationToken);
        return new Spreadsheet<UnitPublicityRow>(fileName, Columns, RowsAsync(campaign.Id, cards, cancellationToken));
    }

    private IQueryable<TitleApplication> Publicised(Guid campaignId) =>
        db.TitleApplications.AsNoTracking().Where(a => a.CampaignId == campaignId && a.PublicityStart != null);

    private async IAsyncEnumerable<UnitPublicityRow> RowsAsync(Guid campaignId, IReadOnlyDictionary<Guid, UnitCard> cards, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = Publicised(campaignId)
            .OrderBy(a => a.UnitId).ThenBy(a => a.PublicityStart).ThenBy(a => a.Level).ThenBy(a => a.ApplicantName).ThenBy(a => a.Id)
            .Select(a => new { a.UnitId, a.ApplicantName, a.Level, a.PublicityStart, a.PublicityEnd, a.PublicityOutcome, a.PublicityNote, a.PublicityRecordedAt })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            var card = cards.GetValueOrDefault(r.UnitId);
            yield return new UnitPublicityRow(
                card?.Name ?? string.Empty,
                card?.Region ?? string.Empty,
                r.ApplicantName,
                r.Level,
                r.PublicityStart!.Value,
                r.PublicityEnd ?? r.PublicityStart!.Value,
                r.PublicityOutcome,
                r.PublicityNote,
                r.PublicityRecordedAt);
        }
    }
}

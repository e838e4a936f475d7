using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees;

/// <summary>For the office and the inspector: the year's review fees, one row per unit: due, recorded as paid by the unit, and reconciled by the office.</summary>
public sealed record ExportFees(int Year, WorkflowActor Actor);

/// <param name="AmountDue">应缴; null while a level the unit owes for has no fee set.</param>
/// <param name="AmountRecorded">What the unit's auditor recorded as transferred (the vouchers), before the office checks it.</param>
/// <param name="AmountReceived">What the office found received when reconciling.</param>
/// <param name="ReconciledAt">When the office last reconciled the payment; null before.</param>
public sealed record FeeExportRow(
    string UnitName,
    string Region,
    int Applicants,
    decimal? AmountDue,
    string LevelsWithoutFee,
    decimal AmountRecorded,
    decimal AmountReceived,
    bool Settled,
    DateTimeOffset? ReconciledAt,
    string Status);

/// <remarks>
/// The rows are the Fees overview's (one per unit, hundreds a year, four queries) with the recorded
/// transfers, the reconciliation times and the units' regions in one query each: a fixed number of
/// queries whatever the number of units.
/// </remarks>
internal sealed class ExportFeesHandler(IApplicationDbContext db, ICurrentCampaign campaigns, IUnitPayments payments, IUnitDirectory units)
    : IHandler<ExportFees, Spreadsheet<FeeExportRow>>
{
    public static readonly SpreadsheetSpec<FeeExportRow> Columns = new("评审费",
    [
        new("单位", r => r.UnitName, Width: 36),
        new("地区", r => r.Region, Width: 10),
        new("报送人数", r => r.Applicants, CellFormat.Integer, Width: 10),
        new("应缴金额（元）", r => r.AmountDue, CellFormat.Money, Width: 14),
        new("未设收费标准的级别", r => r.LevelsWithoutFee, Width: 20),
        new("单位登记缴费金额（元）", r => r.AmountRecorded, CellFormat.Money, Width: 20),
        new("对账实收金额（元）", r => r.AmountReceived, CellFormat.Money, Width: 18),
        new("已对账缴清", r => r.Settled, CellFormat.YesNo, Width: 12),
        new("对账时间（北京时间）", r => r.ReconciledAt, CellFormat.BeijingDateTime, Width: 20),
        new("缴费状态", r => r.Status, Width: 16),
    ]);

    public async Task<Spreadsheet<FeeExportRow>> HandleAsync(ExportFees request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var fileName = $"{request.Year}年度各单位评审费缴纳与对账";
        if (await campaigns.OfYearAsync(request.Year, cancellationToken) is not { } campaign)
        {
            return new Spreadsheet<FeeExportRow>(fileName, Columns, AsyncEnumerable.Empty<FeeExportRow>());
        }

        var summaries = await payments.OverviewAsync(campaign.Id, cancellationToken);
        // Summed here: SQLite cannot sum decimals in SQL, and a year's transfers are a few per unit.
        var recorded = (await db.PaymentTransfers.AsNoTracking()
                .Where(t => db.UnitPayments.Any(p => p.Id == t.UnitPaymentId && p.CampaignId == campaign.Id))
                .Select(t => new { t.UnitPaymentId, t.Amount })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.UnitPaymentId)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));
        var reconciled = await db.UnitPayments.AsNoTracking()
            .Where(p => p.CampaignId == campaign.Id && p.ReconciledAt != null)
            .Select(p => new { p.Id, p.ReconciledAt })
            .ToDictionaryAsync(p => p.Id, p => p.ReconciledAt, cancellationToken);
        var cards = await units.FindAllAsync([.. summaries.Select(s => s.UnitId).Distinct()], cancellationToken);
        var rows = summaries.Select(s => new FeeExportRow(
            s.UnitName,
            cards.GetValueOrDefault(s.UnitId)?.Region ?? string.Empty,
            s.Applicants,
            s.AmountDue,
            string.Join("、", s.LevelsWithoutFee.Select(TitleLevels.DisplayName)),
            recorded.GetValueOrDefault(s.UnitPaymentId),
            s.AmountReceived,
            s.Settled,
            reconciled.GetValueOrDefault(s.UnitPaymentId),
            s.Status));
        return new Spreadsheet<FeeExportRow>(fileName, Columns, rows.ToAsyncEnumerable());
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Fees.GetUnitPayment;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees.GetReconciliation;

/// <summary>The office's reconciliation page: each unit's due, transfers and status, and the statement rows waiting for a decision.</summary>
/// <param name="Year">The campaign's year; null for the one the payment stage is about now.</param>
public sealed record GetReconciliation(WorkflowActor Actor, int? Year = null);

/// <param name="Window">The payment window of the campaign the page is about; null when there is no campaign.</param>
/// <param name="Fees">The campaign's fee per level, null where not set.</param>
/// <param name="Unpaid">After the window closed, the units still owing; empty before.</param>
public sealed record ReconciliationView(
    CampaignWindow? Window,
    IReadOnlyDictionary<Domain.Applications.TitleLevel, decimal?> Fees,
    IReadOnlyList<UnitReconciliation> Units,
    IReadOnlyList<PendingStatementRow> Pending,
    IReadOnlyList<UnitReconciliation> Unpaid);

public sealed record UnitReconciliation(UnitPaymentSummary Summary, IReadOnlyList<AmountDueLine> Breakdown, string? OutcomeNote, IReadOnlyList<TransferView> Transfers);

public sealed record PendingStatementRow(Guid Id, int LineNumber, DateOnly Date, string Payer, decimal Amount, string? Remark);

internal sealed class GetReconciliationHandler(IApplicationDbContext db, ICurrentCampaign current, IWorkflowDefinitions definitions, TimeProvider clock) : IHandler<GetReconciliation, ReconciliationView>
{
    public async Task<ReconciliationView> HandleAsync(GetReconciliation request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await FeesWorkflow.ForPageAsync(db, current, request.Year, cancellationToken);
        if (campaign is null)
        {
            return new ReconciliationView(null, new Dictionary<Domain.Applications.TitleLevel, decimal?>(), [], [], []);
        }

        var now = clock.GetUtcNow();
        var window = CampaignWindow.Of(campaign, StageKeys.Payment, now);
        var found = await db.UnitPayments.AsNoTracking().Include(p => p.Transfers).Where(p => p.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == FeesWorkflow.SubjectType && i.CampaignId == campaign.Id)
            .ToDictionaryAsync(i => i.SubjectId, cancellationToken);
        var levels = await FeesWorkflow.SubmittedLevelsAsync(db, definitions, campaign.Id, unitId: null, cancellationToken);
        var pending = await db.StatementRows.AsNoTracking()
            .Where(r => r.CampaignId == campaign.Id && r.Decision == StatementRowDecision.Pending)
            .OrderBy(r => r.Date).ThenBy(r => r.LineNumber)
            .Select(r => new PendingStatementRow(r.Id, r.LineNumber, r.Date, r.Payer, r.Amount, r.Remark))
            .ToListAsync(cancellationToken);

        var fees = campaign.ReviewFees();
        var units = found
            .Where(p => instances.ContainsKey(p.Id))
            .Select(p => new UnitReconciliation(
                FeesWorkflow.Summarise(definitions, campaign, p, instances[p.Id], levels[p.UnitId]),
                AmountDueCalculator.For(levels[p.UnitId], fees).Lines,
                p.OutcomeNote,
                p.Transfers.Select(t => new TransferView(t.Id, t.PaidOn, t.PayerAccountName, t.Amount, t.Remark, t.VoucherName, t.RecordedAt)).ToList()))
            .OrderBy(u => u.Summary.UnitName, StringComparer.Ordinal)
            .ToList();
        var closed = window.Status == WindowStatus.Closed;
        return new ReconciliationView(window, fees, units, pending, closed ? units.Where(u => u.Summary.Outstanding).ToList() : []);
    }
}

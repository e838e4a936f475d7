using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees;

internal static class FeesWorkflow
{
    public const string DefinitionId = "unitPayment";
    public const string SubjectType = WorkflowSubjectTypes.UnitPayment;
    public const int MaxNoteLength = UnitPayment.MaxNoteLength;

    /// <summary>
    /// The level of each application submitted to the office in the campaign, by unit: read from the
    /// applications' workflow instances (which carry unit and level), by what their state means.
    /// </summary>
    public static async Task<ILookup<Guid, TitleLevel>> SubmittedLevelsAsync(IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, Guid? unitId, CancellationToken cancellationToken)
    {
        var states = SubmittedStates(definitions);
        var query = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == WorkflowSubjectTypes.Application && i.CampaignId == campaignId && i.UnitId != null && states.Contains(i.State));
        if (unitId is { } unit)
        {
            query = query.Where(i => i.UnitId == unit);
        }

        var rows = await query.Select(i => new { UnitId = i.UnitId!.Value, i.Level }).ToListAsync(cancellationToken);
        return rows
            .Select(r => (r.UnitId, Known: Enum.TryParse<TitleLevel>(r.Level, out var level), Level: level))
            .Where(r => r.Known)
            .ToLookup(r => r.UnitId, r => r.Level);
    }

    /// <summary>The application states, of every version, whose case is before the office (and so owes the fee).</summary>
    public static string[] SubmittedStates(IWorkflowDefinitions definitions) =>
        definitions.All
            .Where(d => d.SubjectType == WorkflowSubjectTypes.Application)
            .SelectMany(d => d.StatesWith(StateCapabilities.SubmittedToOffice))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    public static async Task<Campaign> CampaignAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().Include(c => c.Stages).Include(c => c.Rules).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new NotFoundException("该年度评审工作");

    /// <summary>
    /// The campaign of the year asked for, or else of the year the payment stage is about now, with
    /// its stages and its level rules (which carry the fees).
    /// </summary>
    public static async Task<Campaign?> ForPageAsync(IApplicationDbContext db, Campaigns.ICurrentCampaign current, int? year, CancellationToken cancellationToken)
    {
        var wanted = year ?? (await current.ForStageAsync(StageKeys.Payment, cancellationToken))?.Year;
        return wanted is { } y
            ? await db.Campaigns.AsNoTracking().Include(c => c.Stages).Include(c => c.Rules).FirstOrDefaultAsync(c => c.Year == y, cancellationToken)
            : null;
    }

    public static async Task<(UnitPayment Payment, WorkflowInstance Instance)> LoadTrackedAsync(IApplicationDbContext db, Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.UnitPayments.Include(p => p.Transfers).FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            ?? throw new NotFoundException("该单位的缴费记录");
        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectType == SubjectType && i.SubjectId == payment.Id, cancellationToken);
        return (payment, instance);
    }

    /// <summary>The operation a reconciliation outcome is fired through.</summary>
    public static string OperationFor(PaymentOutcome outcome) => outcome switch
    {
        PaymentOutcome.Paid => WorkflowOperations.ReconcilePaid,
        PaymentOutcome.Short => WorkflowOperations.ReconcileShort,
        _ => WorkflowOperations.ReconcileOverpaid,
    };

    public static UnitPaymentSummary Summarise(IWorkflowDefinitions definitions, Campaign campaign, UnitPayment payment, WorkflowInstance instance, IEnumerable<TitleLevel> submitted)
    {
        var due = AmountDueCalculator.For(submitted, campaign.ReviewFees());
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        return new UnitPaymentSummary(
            payment.Id,
            payment.UnitId,
            payment.UnitName,
            due.Applicants,
            due.Total,
            due.LevelsWithoutFee,
            payment.ReceivedAmount,
            definition.StateDisplayName(instance.State),
            definition.Has(instance.State, StateCapabilities.PaymentAwaitingReconciliation),
            // A unit whose every case ended before the office (paper never delivered) owes nothing.
            definition.Has(instance.State, StateCapabilities.PaymentOutstanding) && !due.OwesNothing,
            definition.Has(instance.State, StateCapabilities.PaymentSettled),
            definition.Has(instance.State, StateCapabilities.PaymentOverdue),
            instance.IsFinished);
    }
}

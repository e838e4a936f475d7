using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees.GetUnitPayment;

/// <summary>The unit's auditor's payment page: what the unit owes and why, its transfers, where the payment stands.</summary>
/// <param name="Year">The campaign's year; null for the one the payment stage is about now.</param>
public sealed record GetUnitPayment(WorkflowActor Actor, int? Year = null);

/// <param name="Window">The payment window of the campaign the page is about; null when there is no campaign.</param>
/// <param name="Started">Whether the unit has a payment: it starts when the unit first submits to the office.</param>
/// <param name="MayRecord">The unit may record a transfer now (its state allows it and the window is open).</param>
public sealed record UnitPaymentView(
    CampaignWindow? Window,
    bool Started,
    string UnitName,
    AmountDue Due,
    decimal AmountReceived,
    string? Status,
    string? OutcomeNote,
    bool MayRecord,
    IReadOnlyList<TransferView> Transfers)
{
    /// <summary>The office's published details: the account to transfer to and the remark to write; null until published.</summary>
    public OfficeDetails? Office { get; init; }
}

public sealed record TransferView(Guid Id, DateOnly PaidOn, string PayerAccountName, decimal Amount, string? Remark, string VoucherName, DateTimeOffset RecordedAt);

internal sealed class GetUnitPaymentHandler(IApplicationDbContext db, ICurrentCampaign current, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<GetUnitPayment, UnitPaymentView>
{
    public async Task<UnitPaymentView> HandleAsync(GetUnitPayment request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Auditor) || request.Actor.UnitId is not { } unitId)
        {
            throw new ForbiddenAccessException("只有本单位审核人可以查看本单位缴费情况。");
        }

        var campaign = await FeesWorkflow.ForPageAsync(db, current, request.Year, cancellationToken);
        if (campaign is null)
        {
            return new UnitPaymentView(null, false, string.Empty, AmountDue.Nothing, 0, null, null, false, []);
        }

        var now = clock.GetUtcNow();
        var window = CampaignWindow.Of(campaign, StageKeys.Payment, now);
        var payment = await db.UnitPayments.AsNoTracking().Include(p => p.Transfers)
            .FirstOrDefaultAsync(p => p.CampaignId == campaign.Id && p.UnitId == unitId, cancellationToken);
        if (payment is null)
        {
            return new UnitPaymentView(window, false, string.Empty, AmountDue.Nothing, 0, null, null, false, []) { Office = campaign.OfficeDetails };
        }

        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectType == FeesWorkflow.SubjectType && i.SubjectId == payment.Id, cancellationToken);
        var levels = await FeesWorkflow.SubmittedLevelsAsync(db, definitions, campaign.Id, unitId, cancellationToken);
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        return new UnitPaymentView(
            window,
            true,
            payment.UnitName,
            AmountDueCalculator.For(levels[unitId], campaign.ReviewFees()),
            payment.ReceivedAmount,
            definition.StateDisplayName(instance.State),
            payment.OutcomeNote,
            definition.Has(instance.State, StateCapabilities.PaymentMayBeRecorded) && window.IsOpen,
            payment.Transfers.Select(t => new TransferView(t.Id, t.PaidOn, t.PayerAccountName, t.Amount, t.Remark, t.VoucherName, t.RecordedAt)).ToList())
        {
            Office = campaign.OfficeDetails,
        };
    }
}

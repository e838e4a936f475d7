using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees.Reconcile;

/// <summary>
/// The office reconciles one unit by hand: the money it found received and what that comes to
/// (paid, short, overpaid), with a note for short and overpaid.
/// </summary>
public sealed record ReconcilePayment(Guid UnitPaymentId, PaymentOutcome? Outcome, decimal? AmountReceived, string? Note, Guid? ExpectedToken, WorkflowActor Actor);

internal sealed class ReconcilePaymentHandler(IApplicationDbContext db, IWorkflowEngine engine, TimeProvider clock) : IHandler<ReconcilePayment, FireResult>
{
    public async Task<FireResult> HandleAsync(ReconcilePayment request, CancellationToken cancellationToken = default)
    {
        Reconciliation.EnsureOffice(request.Actor);
        var v = new Validation();
        v.Require(request.Outcome is not null && Enum.IsDefined(request.Outcome.Value), "outcome", "请选择对账结果（已缴清、少缴或多缴）。");
        v.Require(request.AmountReceived is not null, "amountReceived", "请填写实收金额。");
        if (request.AmountReceived is { } received && new MoneyAmountInRangeRule(received, "实收金额") is { } inRange && inRange.IsBroken())
        {
            v.Add("amountReceived", inRange.Message);
        }

        if (request.Outcome is { } outcome && new OutcomeOtherThanPaidHasANoteRule(outcome, request.Note) is { } noted && noted.IsBroken())
        {
            v.Add("note", noted.Message);
        }

        v.Require(request.Note is null || request.Note.Trim().Length <= FeesWorkflow.MaxNoteLength, "note", $"说明不能超过 {FeesWorkflow.MaxNoteLength} 个字。");
        v.ThrowIfInvalid();

        var (payment, instance) = await FeesWorkflow.LoadTrackedAsync(db, request.UnitPaymentId, cancellationToken);
        payment.Reconcile(request.Outcome!.Value, request.AmountReceived!.Value, request.Note, clock.GetUtcNow());
        var reason = $"{PaymentOutcomes.DisplayName(request.Outcome.Value)}，实收 {request.AmountReceived:0.00} 元" + (payment.OutcomeNote is { } note ? $"：{note}" : "。");
        return await engine.PerformAsync(
            new PerformRequest(instance.Id, FeesWorkflow.OperationFor(request.Outcome.Value), request.Actor, reason, ExpectedToken: request.ExpectedToken),
            cancellationToken);
    }
}

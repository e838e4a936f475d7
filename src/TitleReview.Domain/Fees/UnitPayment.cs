using TitleReview.Domain.Common;

namespace TitleReview.Domain.Fees;

/// <summary>
/// 单位缴纳评审费: one unit's review-fee payment in one campaign. The unit records its transfers
/// (with the voucher scan); the office reconciles them against the bank and records the money it
/// found received. Where the payment stands (unpaid, awaiting reconciliation, paid, short,
/// overpaid, overdue) is its workflow instance's state.
/// </summary>
public sealed class UnitPayment : Entity
{
    public const int MaxNoteLength = 500;

    private readonly List<PaymentTransfer> _transfers = [];

    private UnitPayment()
    {
        UnitName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The unit's name when the payment started: a bank statement's payer is matched against it.</summary>
    public string UnitName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The money the office found received for this unit (statement rows counted, or its own finding).</summary>
    public decimal ReceivedAmount { get; private set; }

    public PaymentOutcome? Outcome { get; private set; }

    /// <summary>The office's note on the outcome: what is short, how a surplus is settled.</summary>
    public string? OutcomeNote { get; private set; }

    public DateTimeOffset? ReconciledAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public IReadOnlyList<PaymentTransfer> Transfers => _transfers.OrderBy(t => t.RecordedAt).ToList();

    public static UnitPayment Start(Guid id, Guid campaignId, Guid unitId, string unitName, DateTimeOffset now) => new()
    {
        Id = id,
        CampaignId = campaignId,
        UnitId = unitId,
        UnitName = unitName.Trim(),
        CreatedAt = now,
        ConcurrencyToken = Guid.NewGuid(),
    };

    /// <summary>The unit records one more transfer; a short payment is topped up by another.</summary>
    public PaymentTransfer RecordTransfer(PaymentTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        _transfers.Add(transfer);
        ConcurrencyToken = Guid.NewGuid();
        return transfer;
    }

    /// <summary>The office's finding, one unit at a time: the money it saw arrive and what that comes to.</summary>
    public void Reconcile(PaymentOutcome outcome, decimal received, string? note, DateTimeOffset now)
    {
        CheckRule(new MoneyAmountInRangeRule(received, "实收金额"));
        CheckRule(new OutcomeOtherThanPaidHasANoteRule(outcome, note));
        ReceivedAmount = received;
        Settle(outcome, note, now);
    }

    /// <summary>
    /// A bank statement row counted for this unit: its money is added to what was received and the
    /// outcome follows from the amount due. The row is marked used, so it is never counted again.
    /// </summary>
    public PaymentOutcome Count(StatementRow row, decimal due, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.CountFor(Id, note, now);
        ReceivedAmount += row.Amount;
        var outcome = PaymentOutcomes.Compare(ReceivedAmount, due);
        var said = outcome switch
        {
            PaymentOutcome.Short => $"按银行流水实收 {ReceivedAmount:0.00} 元，应缴 {due:0.00} 元，少缴 {due - ReceivedAmount:0.00} 元。",
            PaymentOutcome.Overpaid => $"按银行流水实收 {ReceivedAmount:0.00} 元，应缴 {due:0.00} 元，多缴 {ReceivedAmount - due:0.00} 元，待办公室确定处理方式。",
            _ => $"按银行流水实收 {ReceivedAmount:0.00} 元，与应缴金额一致。",
        };
        Settle(outcome, string.IsNullOrWhiteSpace(note) ? said : $"{said}{note.Trim()}", now);
        return outcome;
    }

    private void Settle(PaymentOutcome outcome, string? note, DateTimeOffset now)
    {
        Outcome = outcome;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReconciledAt = now;
        ConcurrencyToken = Guid.NewGuid();
    }
}

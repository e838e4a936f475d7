using TitleReview.Domain.Common;

namespace TitleReview.Domain.Fees;

/// <summary>A transfer or a received amount is positive yuan with at most two decimals and below <see cref="MaxAmount"/>.</summary>
public sealed class MoneyAmountInRangeRule(decimal amount, string what) : IBusinessRule
{
    public const decimal MaxAmount = 10_000_000m;

    public bool IsBroken() => amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount;

    public string Message => $"{what}应为大于 0、不超过 {MaxAmount:0} 元的金额，最多保留两位小数。";
}

/// <summary>
/// A bank statement row is money received once: once it is counted for a unit (or set aside) it
/// cannot be counted again, for that unit or another.
/// </summary>
public sealed class StatementRowUsedOnceRule(StatementRow row) : IBusinessRule
{
    public bool IsBroken() => row.Decision != StatementRowDecision.Pending;

    public string Message => $"银行流水第 {row.LineNumber} 行（{row.Payer}，{row.Amount:0.00} 元）已处理过，不能重复计入。";
}

/// <summary>A short or overpaid finding says why (what is missing, how the surplus is settled): the unit and the auditors read it.</summary>
public sealed class OutcomeOtherThanPaidHasANoteRule(PaymentOutcome outcome, string? note) : IBusinessRule
{
    public bool IsBroken() => outcome != PaymentOutcome.Paid && string.IsNullOrWhiteSpace(note);

    public string Message => outcome == PaymentOutcome.Overpaid ? "多缴时请注明多缴部分的处理方式（如退回、抵扣）。" : "少缴时请注明少缴金额及补缴要求。";
}

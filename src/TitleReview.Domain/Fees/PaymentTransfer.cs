using TitleReview.Domain.Common;

namespace TitleReview.Domain.Fees;

/// <summary>
/// A transfer the unit says it made (date, paying account name, amount, remark) with the scan of
/// its 转账凭证. It is the unit's statement, not money received: the office reconciles it.
/// </summary>
public sealed class PaymentTransfer : Entity
{
    public const int MaxPayerLength = 100;
    public const int MaxRemarkLength = 200;

    private PaymentTransfer()
    {
        PayerAccountName = string.Empty;
        VoucherName = string.Empty;
        VoucherSafeName = string.Empty;
        VoucherStorageKey = string.Empty;
        VoucherSha256 = string.Empty;
        VoucherContentType = string.Empty;
        RecordedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UnitPaymentId { get; private set; }

    public DateOnly PaidOn { get; private set; }

    /// <summary>付款账户名: the name the bank statement will show as payer (often a person's account, the notice says).</summary>
    public string PayerAccountName { get; private set; }

    public decimal Amount { get; private set; }

    public string? Remark { get; private set; }

    public string VoucherName { get; private set; }

    public string VoucherSafeName { get; private set; }

    public string VoucherStorageKey { get; private set; }

    public string VoucherSha256 { get; private set; }

    public long VoucherLength { get; private set; }

    public string VoucherContentType { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <param name="voucher">The stored scan: original name, safe name, storage key, SHA-256, length, content type.</param>
    public static PaymentTransfer Record(
        Guid unitPaymentId,
        DateOnly paidOn,
        string payerAccountName,
        decimal amount,
        string? remark,
        (string Name, string SafeName, string StorageKey, string Sha256, long Length, string ContentType) voucher,
        string recordedBy,
        DateTimeOffset now)
    {
        CheckRule(new MoneyAmountInRangeRule(amount, "转账金额"));
        return new PaymentTransfer
        {
            Id = Guid.NewGuid(),
            UnitPaymentId = unitPaymentId,
            PaidOn = paidOn,
            PayerAccountName = payerAccountName.Trim(),
            Amount = amount,
            Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim(),
            VoucherName = voucher.Name,
            VoucherSafeName = voucher.SafeName,
            VoucherStorageKey = voucher.StorageKey,
            VoucherSha256 = voucher.Sha256,
            VoucherLength = voucher.Length,
            VoucherContentType = voucher.ContentType,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}

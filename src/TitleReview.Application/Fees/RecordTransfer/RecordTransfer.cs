using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Fees.RecordTransfer;

/// <summary>
/// The unit's auditor records a bank transfer of the review fee with the voucher scan (the notice:
/// 转账凭证复印件), in the payment window. A unit found short records another.
/// </summary>
public sealed record RecordTransfer(
    Guid CampaignId,
    DateOnly? PaidOn,
    string? PayerAccountName,
    decimal? Amount,
    string? Remark,
    Stream? Voucher,
    string? VoucherFileName,
    long? DeclaredLength,
    WorkflowActor Actor);

public sealed record TransferRecorded(Guid TransferId, Guid UnitPaymentId);

internal sealed class RecordTransferHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    IFileStore files,
    IOptions<UploadOptions> options,
    TimeProvider clock) : IHandler<RecordTransfer, TransferRecorded>
{
    public async Task<TransferRecorded> HandleAsync(RecordTransfer request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Auditor) || request.Actor.UnitId is null)
        {
            throw new ForbiddenAccessException("只有本单位审核人可以登记缴费。");
        }

        var now = clock.GetUtcNow();
        Validate(request, BeijingTime.Today(clock));

        var campaign = await FeesWorkflow.CampaignAsync(db, request.CampaignId, cancellationToken);
        var paymentId = await db.UnitPayments.Where(p => p.CampaignId == campaign.Id && p.UnitId == request.Actor.UnitId)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("本单位尚未向省政工职评办报送申报材料，无需缴纳评审费。");
        var (payment, instance) = await FeesWorkflow.LoadTrackedAsync(db, paymentId, cancellationToken);

        // Refused before the voucher is read, so nothing is stored for a transfer that cannot be recorded.
        if (WindowOpenGuard.Evaluate(campaign.Stage(StageKeys.Payment), now, instance.ReopenedUntil).Reason is { } closed)
        {
            throw new DomainException($"不能登记转账：{closed}");
        }

        if (!definitions.Has(instance, StateCapabilities.PaymentMayBeRecorded))
        {
            var state = definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State);
            throw new DomainException($"本单位评审费当前为“{state}”，不能再登记转账。");
        }

        var limit = options.Value.MaxFileBytes;
        if (request.DeclaredLength is { } declared && declared > limit)
        {
            throw UploadRejectedException.TooLarge(limit);
        }

        var stored = await files.SaveAsync(request.Voucher!, request.VoucherFileName ?? string.Empty, limit, cancellationToken);
        try
        {
            var transfer = PaymentTransfer.Record(
                payment.Id,
                request.PaidOn!.Value,
                request.PayerAccountName!,
                request.Amount!.Value,
                request.Remark,
                (request.VoucherFileName!.Trim(), stored.SafeName, stored.StorageKey, stored.Sha256Hex, stored.Length, stored.ContentType),
                request.Actor.Id,
                now);
            payment.RecordTransfer(transfer);
            db.PaymentTransfers.Add(transfer);

            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            await engine.PerformAsync(
                new PerformRequest(instance.Id, WorkflowOperations.RecordTransfer, request.Actor, $"{transfer.PaidOn:yyyy-MM-dd} 由“{transfer.PayerAccountName}”转账 {transfer.Amount:0.00} 元，凭证 {transfer.VoucherName}")
                {
                    Facts = new WorkflowFacts(campaign),
                },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new TransferRecorded(transfer.Id, payment.Id);
        }
        catch
        {
            await files.DeleteAsync(stored.StorageKey, CancellationToken.None);
            throw;
        }
    }

    private static void Validate(RecordTransfer request, DateOnly today)
    {
        var v = new Validation();
        v.Require(request.PaidOn is not null, "paidOn", "请填写转账日期。");
        v.Require(request.PaidOn is null || request.PaidOn <= today, "paidOn", "转账日期不能晚于今天。");
        v.Require(!string.IsNullOrWhiteSpace(request.PayerAccountName), "payerAccountName", "请填写付款账户名（银行流水上显示的付款人）。");
        v.Require(request.PayerAccountName is null || request.PayerAccountName.Trim().Length <= PaymentTransfer.MaxPayerLength, "payerAccountName", $"付款账户名不能超过 {PaymentTransfer.MaxPayerLength} 个字。");
        v.Require(request.Amount is not null, "amount", "请填写转账金额。");
        if (request.Amount is { } amount && new MoneyAmountInRangeRule(amount, "转账金额") is { } inRange && inRange.IsBroken())
        {
            v.Add("amount", inRange.Message);
        }

        v.Require(request.Remark is null || request.Remark.Trim().Length <= PaymentTransfer.MaxRemarkLength, "remark", $"转账附言不能超过 {PaymentTransfer.MaxRemarkLength} 个字。");
        v.Require(request.Voucher is not null && !string.IsNullOrWhiteSpace(request.VoucherFileName), "voucher", "请上传转账凭证扫描件（PDF、JPEG 或 PNG）。");
        v.ThrowIfInvalid();
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees;

/// <summary>A transfer's voucher scan, for the unit's own auditor and the office only.</summary>
public sealed record OpenVoucher(Guid TransferId, WorkflowActor Actor);

public sealed record OpenedVoucher(Stream Content, string ContentType, string DownloadName);

internal sealed class OpenVoucherHandler(IApplicationDbContext db, IFileStore files) : IHandler<OpenVoucher, OpenedVoucher>
{
    public async Task<OpenedVoucher> HandleAsync(OpenVoucher request, CancellationToken cancellationToken = default)
    {
        var found = await db.PaymentTransfers.AsNoTracking()
            .Where(t => t.Id == request.TransferId)
            .Join(db.UnitPayments, t => t.UnitPaymentId, p => p.Id, (t, p) => new { t.VoucherStorageKey, t.VoucherSha256, t.VoucherContentType, t.VoucherSafeName, p.UnitId })
            .FirstOrDefaultAsync(cancellationToken);
        var mayOpen = request.Actor.ReadsAsOffice
            || (request.Actor.Roles.Contains(Roles.Auditor) && found is not null && request.Actor.UnitId == found.UnitId);
        if (found is null || !mayOpen)
        {
            throw new NotFoundException("该转账凭证");
        }

        var stream = await files.OpenVerifiedAsync(found.VoucherStorageKey, found.VoucherSha256, cancellationToken);
        return new OpenedVoucher(stream, found.VoucherContentType, found.VoucherSafeName);
    }
}

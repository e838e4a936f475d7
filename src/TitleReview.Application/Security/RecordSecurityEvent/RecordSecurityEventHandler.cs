using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.RecordSecurityEvent;

internal sealed class RecordSecurityEventHandler(IApplicationDbContext db, TimeProvider clock)
    : IHandler<SecurityEvent, long>
{
    public async Task<long> HandleAsync(SecurityEvent request, CancellationToken cancellationToken = default)
    {
        var entry = AuditEntry.Record(
            clock.GetUtcNow(),
            request.Actor,
            request.UserId,
            request.Action,
            request.Succeeded,
            request.RemoteAddress,
            request.Detail);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}

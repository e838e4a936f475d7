using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.RecordSecurityEvent;

/// <summary>A security event becomes a row of the one audit trail (ADR 0053), chained like every other.</summary>
internal sealed class RecordSecurityEventHandler(IAuditTrail trail, AuditScope scope, TimeProvider clock)
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

        // The account is the request's own (sign-in, password, second factor) or another's that
        // the signed-in person changed: the row names the latter's account and, from the request,
        // who changed it, their role and from where.
        var self = request.UserId is not null && string.Equals(request.UserId, scope.UserId, StringComparison.Ordinal);
        var byOther = scope.UserId is not null && !self;
        var facts = new AuditFacts
        {
            OccurredAt = entry.OccurredAt,
            Actor = entry.Actor,
            UserId = entry.UserId,
            ActorName = self ? scope.DisplayName : null,
            Role = self ? AuditScope.RoleName(scope.Roles) : null,
            Action = entry.Action,
            Operation = entry.Operation,
            OperationName = entry.OperationName,
            SubjectKind = byOther ? "账号" : null,
            SubjectId = byOther ? entry.Actor : null,
            Succeeded = entry.Succeeded,
            Outcome = entry.Outcome,
            RemoteAddress = entry.RemoteAddress ?? scope.RemoteAddress,
            UserAgent = scope.RemoteAddress is null ? null : scope.UserAgent,
            Detail = entry.Detail,
        };
        return await trail.AppendAsync(new AuditAppend(facts, self ? scope.UnitId : null), cancellationToken);
    }
}

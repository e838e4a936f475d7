using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.Audit;

/// <summary>
/// A row to append. The store finds the unit's name and the application's applicant by id in the
/// same command that locks the chain's head, so a row costs no extra query for them.
/// </summary>
public sealed record AuditAppend(AuditFacts Facts, Guid? UnitId = null, Guid? ApplicationId = null);

/// <summary>Appends rows to the hash-chained audit trail (ADR 0053). Safe across instances: appends line up on the chain's head.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Appends the rows in order, in one transaction: the one already open on the unit of work, if
    /// any, or its own. Returns the sequence number of the last row.
    /// </summary>
    Task<long> AppendAsync(IReadOnlyList<AuditAppend> rows, CancellationToken cancellationToken = default);
}

public static class AuditTrailExtensions
{
    public static Task<long> AppendAsync(this IAuditTrail trail, AuditAppend row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trail);
        return trail.AppendAsync([row], cancellationToken);
    }
}

using TitleReview.Domain.Common;

namespace TitleReview.Domain.Security;

/// <summary>
/// One line of the append-only security audit log: who did what, when, from where, with
/// which result. Entries are created and never changed or deleted.
/// </summary>
public sealed class AuditEntry : Entity
{
    public const int MaxActorLength = 256;
    public const int MaxDetailLength = 1000;
    public const int MaxAddressLength = 64;

    private AuditEntry()
    {
        Actor = string.Empty;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The user name as typed or known; for failures it may not match any account.</summary>
    public string Actor { get; private set; }

    public string? UserId { get; private set; }

    public AuditAction Action { get; private set; }

    public bool Succeeded { get; private set; }

    public string? RemoteAddress { get; private set; }

    public string? Detail { get; private set; }

    public static AuditEntry Record(
        DateTimeOffset occurredAt,
        string actor,
        string? userId,
        AuditAction action,
        bool succeeded,
        string? remoteAddress,
        string? detail = null)
    {
        return new AuditEntry
        {
            OccurredAt = occurredAt.ToUniversalTime(),
            Actor = Truncate(string.IsNullOrWhiteSpace(actor) ? "(空)" : actor.Trim(), MaxActorLength),
            UserId = userId,
            Action = action,
            Succeeded = succeeded,
            RemoteAddress = remoteAddress is null ? null : Truncate(remoteAddress, MaxAddressLength),
            Detail = detail is null ? null : Truncate(detail, MaxDetailLength),
        };
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

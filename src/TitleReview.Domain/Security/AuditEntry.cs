using TitleReview.Domain.Common;

namespace TitleReview.Domain.Security;

/// <summary>
/// One row of the audit trail (ADR 0053): who did what, when, from where, with which outcome.
/// Rows are created and never changed or deleted; each carries the SHA-256 of its content and of
/// the row before it (<see cref="AuditChain"/>), so an edit or a deletion shows on verification.
/// </summary>
public sealed class AuditEntry : Entity
{
    public const int MaxActorLength = 256;
    public const int MaxDetailLength = 1000;
    public const int MaxAddressLength = 64;
    public const int MaxNameLength = 128;
    public const int MaxUserAgentLength = 256;
    public const int MaxOperationLength = 128;
    public const int MaxSubjectIdLength = 64;
    public const int MaxOutcomeLength = 500;
    public const int HashLength = 64;

    /// <summary>The actor of jobs and timers (<c>系统</c>).</summary>
    public const string SystemActor = "系统";

    /// <summary>The actor of a request without sign-in (a unit's registration).</summary>
    public const string AnonymousActor = "匿名访问者";

    public const string OutcomeSucceeded = "成功";
    public const string OutcomeFailed = "失败";
    public const string OutcomeError = "出错";
    public const string OutcomeRefusedPrefix = "被拒绝：";

    private AuditEntry()
    {
        Actor = string.Empty;
        Operation = string.Empty;
        OperationName = string.Empty;
        Outcome = string.Empty;
        PreviousHash = string.Empty;
        ContentHash = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The row's place in the chain: 1, 2, 3 … without gaps. Rows from before the chain (ADR 0053) hold minus their id.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The user name as typed or known; for failures it may not match any account.</summary>
    public string Actor { get; private set; }

    public string? UserId { get; private set; }

    /// <summary>The actor's display name (the person's name), when known.</summary>
    public string? ActorName { get; private set; }

    /// <summary>The actor's role, in Chinese (申报人, 单位审核员, …).</summary>
    public string? Role { get; private set; }

    /// <summary>The actor's unit, by name.</summary>
    public string? Unit { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The stable code of what was done: the use case's request type, or the security event's name.</summary>
    public string Operation { get; private set; }

    /// <summary>What was done, in Chinese.</summary>
    public string OperationName { get; private set; }

    /// <summary>What the action was about (申报, 单位, 账号 …), with <see cref="SubjectId"/>.</summary>
    public string? SubjectKind { get; private set; }

    public string? SubjectId { get; private set; }

    /// <summary>The person the subject belongs to (the applicant's name), so that a search by person finds actions on them.</summary>
    public string? SubjectPerson { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>成功, 失败, 被拒绝：reason, or 出错.</summary>
    public string Outcome { get; private set; }

    public string? RemoteAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>A short summary of what changed; never full ID numbers or secrets.</summary>
    public string? Detail { get; private set; }

    /// <summary>The <see cref="ContentHash"/> of the row before (empty for the first row of the chain).</summary>
    public string PreviousHash { get; private set; }

    /// <summary>SHA-256 (lower-case hex) of <see cref="AuditChain.Canonical"/>: every field above and the previous hash.</summary>
    public string ContentHash { get; private set; }

    /// <summary>A security event (sign-in, account change, inspector read) as the log has always recorded it.</summary>
    public static AuditEntry Record(
        DateTimeOffset occurredAt,
        string actor,
        string? userId,
        AuditAction action,
        bool succeeded,
        string? remoteAddress,
        string? detail = null)
    {
        return Create(new AuditFacts
        {
            OccurredAt = occurredAt,
            Actor = actor,
            UserId = userId,
            Action = action,
            Operation = action.ToString(),
            OperationName = AuditActions.DisplayName(action),
            Succeeded = succeeded,
            Outcome = succeeded ? OutcomeSucceeded : OutcomeFailed,
            RemoteAddress = remoteAddress,
            Detail = detail,
        });
    }

    /// <summary>A row with every field given; it joins the chain when sealed.</summary>
    public static AuditEntry Create(AuditFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new AuditEntry
        {
            OccurredAt = facts.OccurredAt.ToUniversalTime(),
            Actor = Truncate(string.IsNullOrWhiteSpace(facts.Actor) ? "(空)" : facts.Actor.Trim(), MaxActorLength),
            UserId = facts.UserId,
            ActorName = Clip(facts.ActorName, MaxNameLength),
            Role = Clip(facts.Role, MaxNameLength),
            Unit = Clip(facts.Unit, MaxNameLength * 2),
            Action = facts.Action,
            Operation = Truncate(facts.Operation, MaxOperationLength),
            OperationName = Truncate(facts.OperationName, MaxNameLength),
            SubjectKind = Clip(facts.SubjectKind, MaxNameLength),
            SubjectId = Clip(facts.SubjectId, MaxSubjectIdLength),
            SubjectPerson = Clip(facts.SubjectPerson, MaxNameLength),
            Succeeded = facts.Succeeded,
            Outcome = Truncate(facts.Outcome, MaxOutcomeLength),
            RemoteAddress = Clip(facts.RemoteAddress, MaxAddressLength),
            UserAgent = Clip(facts.UserAgent, MaxUserAgentLength),
            Detail = Clip(facts.Detail, MaxDetailLength),
        };
    }

    /// <summary>Gives the row its place after <paramref name="previousHash"/> and computes its hash; once only.</summary>
    public void Seal(long sequence, string previousHash)
    {
        if (!string.IsNullOrEmpty(ContentHash))
        {
            throw new InvalidOperationException("An audit row is sealed once.");
        }

        Sequence = sequence;
        PreviousHash = previousHash;
        ContentHash = AuditChain.Hash(this);
    }

    /// <summary>A row read back from an archive file, exactly as it was stored (nothing normalised, nothing recomputed).</summary>
    public static AuditEntry Restore(AuditFacts facts, long sequence, string previousHash, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new AuditEntry
        {
            Sequence = sequence,
            OccurredAt = facts.OccurredAt,
            Actor = facts.Actor,
            UserId = facts.UserId,
            ActorName = facts.ActorName,
            Role = facts.Role,
            Unit = facts.Unit,
            Action = facts.Action,
            Operation = facts.Operation,
            OperationName = facts.OperationName,
            SubjectKind = facts.SubjectKind,
            SubjectId = facts.SubjectId,
            SubjectPerson = facts.SubjectPerson,
            Succeeded = facts.Succeeded,
            Outcome = facts.Outcome,
            RemoteAddress = facts.RemoteAddress,
            UserAgent = facts.UserAgent,
            Detail = facts.Detail,
            PreviousHash = previousHash ?? string.Empty,
            ContentHash = contentHash ?? string.Empty,
        };
    }

    /// <summary>Every stored field but the chain's, as a row to restore (<see cref="Restore"/>).</summary>
    public AuditFacts ToFacts() => new()
    {
        OccurredAt = OccurredAt,
        Actor = Actor,
        UserId = UserId,
        ActorName = ActorName,
        Role = Role,
        Unit = Unit,
        Action = Action,
        Operation = Operation,
        OperationName = OperationName,
        SubjectKind = SubjectKind,
        SubjectId = SubjectId,
        SubjectPerson = SubjectPerson,
        Succeeded = Succeeded,
        Outcome = Outcome,
        RemoteAddress = RemoteAddress,
        UserAgent = UserAgent,
        Detail = Detail,
    };

    /// <summary>The unit and the subject's person, when the store finds them by id just before sealing.</summary>
    public void Complete(string? unit, string? subjectPerson)
    {
        Unit ??= Clip(unit, MaxNameLength * 2);
        SubjectPerson ??= Clip(subjectPerson, MaxNameLength);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static string? Clip(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : Truncate(value.Trim(), max);
}

/// <summary>The fields of a new audit row, before it is sealed into the chain.</summary>
public sealed record AuditFacts
{
    public DateTimeOffset OccurredAt { get; init; }

    public string Actor { get; init; } = AuditEntry.SystemActor;

    public string? UserId { get; init; }

    public string? ActorName { get; init; }

    public string? Role { get; init; }

    public string? Unit { get; init; }

    public AuditAction Action { get; init; } = AuditAction.UseCase;

    public string Operation { get; init; } = string.Empty;

    public string OperationName { get; init; } = string.Empty;

    public string? SubjectKind { get; init; }

    public string? SubjectId { get; init; }

    public string? SubjectPerson { get; init; }

    public bool Succeeded { get; init; } = true;

    public string Outcome { get; init; } = AuditEntry.OutcomeSucceeded;

    public string? RemoteAddress { get; init; }

    public string? UserAgent { get; init; }

    public string? Detail { get; init; }
}

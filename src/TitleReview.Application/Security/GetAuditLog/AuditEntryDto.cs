using TitleReview.Domain.Common;
using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.GetAuditLog;

public sealed class AuditEntryDto
{
    public long Id { get; init; }

    public long Sequence { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public string Actor { get; init; } = string.Empty;

    public string? ActorName { get; init; }

    public string? Role { get; init; }

    public string? Unit { get; init; }

    public AuditAction Action { get; init; }

    public string Operation { get; init; } = string.Empty;

    public string OperationName { get; init; } = string.Empty;

    public string? SubjectKind { get; init; }

    public string? SubjectId { get; init; }

    public string? SubjectPerson { get; init; }

    public bool Succeeded { get; init; }

    public string Outcome { get; init; } = string.Empty;

    public string? RemoteAddress { get; init; }

    public string? UserAgent { get; init; }

    public string? Detail { get; init; }

    public string ContentHash { get; init; } = string.Empty;

    /// <summary>The subject in a few words: its kind and its person, or its kind and id.</summary>
    public string? Subject => SubjectKind is null ? SubjectPerson : SubjectPerson is null ? $"{SubjectKind} {SubjectId}" : $"{SubjectKind}：{SubjectPerson}";

    /// <summary>This entry with a user name that is a mobile number masked (<see cref="MobileNumber.MaskIfMobile"/>).</summary>
    public AuditEntryDto WithActorMasked() => new()
    {
        Id = Id,
        Sequence = Sequence,
        OccurredAt = OccurredAt,
        Actor = MobileNumber.MaskIfMobile(Actor),
        ActorName = ActorName,
        Role = Role,
        Unit = Unit,
        Action = Action,
        Operation = Operation,
        OperationName = OperationName.Length > 0 ? OperationName : AuditActions.DisplayName(Action),
        SubjectKind = SubjectKind,
        SubjectId = SubjectKind == "账号" && SubjectId is not null ? MobileNumber.MaskIfMobile(SubjectId) : SubjectId,
        SubjectPerson = SubjectPerson,
        Succeeded = Succeeded,
        Outcome = Outcome,
        RemoteAddress = RemoteAddress,
        UserAgent = UserAgent,
        Detail = Detail,
        ContentHash = ContentHash,
    };

    public static string DescribeAction(AuditAction action) => AuditActions.DisplayName(action);
}

using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.RecordSecurityEvent;

public sealed record SecurityEvent(
    string Actor,
    string? UserId,
    AuditAction Action,
    bool Succeeded,
    string? RemoteAddress,
    string? Detail = null);

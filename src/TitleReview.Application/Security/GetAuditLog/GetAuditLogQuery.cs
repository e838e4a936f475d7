using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.GetAuditLog;

public sealed record GetAuditLogQuery(
    string? Actor = null,
    AuditAction? Action = null,
    int? Page = null,
    int? PageSize = null);

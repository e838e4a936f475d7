using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.GetAuditLog;

/// <param name="Actor">Part of the user name (kept for the API).</param>
/// <param name="Person">Part of a person's name or user name: rows where they acted or that concern them (the applicant of the subject).</param>
/// <param name="Unit">Part of the acting person's unit's name.</param>
/// <param name="Operation">The stable code of an action (a use case or a security event).</param>
/// <param name="From">First Beijing day of the period.</param>
/// <param name="To">Last Beijing day of the period.</param>
public sealed record GetAuditLogQuery(
    string? Actor = null,
    AuditAction? Action = null,
    int? Page = null,
    int? PageSize = null,
    string? Person = null,
    string? Unit = null,
    string? Operation = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>The rows the same filters find, as a spreadsheet (.xlsx, streamed).</summary>
public sealed record ExportAuditLog(GetAuditLogQuery Filter);

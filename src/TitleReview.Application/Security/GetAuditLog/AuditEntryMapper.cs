using Riok.Mapperly.Abstractions;
using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.GetAuditLog;

/// <summary>
/// The audit log's projection, generated at compile time (ADR 0023). Every member of both sides
/// must be mapped or named here, so a field added to either breaks the build instead of going
/// missing from the page.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class AuditEntryMapper
{
    public static partial IQueryable<AuditEntryDto> ProjectToDto(this IQueryable<AuditEntry> entries);

    /// <summary>The user id stays in the database: the office reads the user name, masked when it is a mobile number. The link to the row before is the verification's.</summary>
    [MapperIgnoreSource(nameof(AuditEntry.UserId))]
    [MapperIgnoreSource(nameof(AuditEntry.PreviousHash))]
    [MapperIgnoreTarget(nameof(AuditEntryDto.Subject))]
    private static partial AuditEntryDto ToDto(AuditEntry entry);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Security.GetAuditLog;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Common;

/// <summary>
/// The generated projections run as SQL against the real database and carry every field: Mapperly
/// checks at build time that each member is mapped or named as left out (ADR 0023); this checks the
/// provider translates what it generated.
/// </summary>
public class MappingTests : ApplicationTestBase
{
    [Test]
    public async Task AuditEntryProjection_TranslatesToSql_AndCarriesEveryField()
    {
        var recorded = AuditEntry.Record(StartInstant, "office", "user-1", AuditAction.RolesChanged, succeeded: false, "192.0.2.7", "角色：审核人");
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.AuditEntries.Add(recorded);
            await db.SaveChangesAsync();
        });

        var dto = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().ProjectToDto().SingleAsync());

        dto.Should().BeEquivalentTo(new AuditEntryDto
        {
            Id = recorded.Id,
            OccurredAt = StartInstant,
            Actor = "office",
            Action = AuditAction.RolesChanged,
            Succeeded = false,
            RemoteAddress = "192.0.2.7",
            Detail = "角色：审核人",
        });
    }
}

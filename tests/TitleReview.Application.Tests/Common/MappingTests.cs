using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Security.Audit;
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
        var id = await InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().AppendAsync(
            new AuditAppend(recorded.ToFacts() with { ActorName = "王芳", Role = "省政工职评办", Unit = "省人社厅", SubjectKind = "申报", SubjectId = "a-1", SubjectPerson = "李华", UserAgent = "Firefox" })));
        var hash = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.Select(e => e.ContentHash).SingleAsync());

        var dto = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().ProjectToDto().SingleAsync());

        dto.Should().BeEquivalentTo(new AuditEntryDto
        {
            Id = id,
            Sequence = 1,
            OccurredAt = StartInstant,
            Actor = "office",
            ActorName = "王芳",
            Role = "省政工职评办",
            Unit = "省人社厅",
            Action = AuditAction.RolesChanged,
            Operation = nameof(AuditAction.RolesChanged),
            OperationName = "变更角色",
            SubjectKind = "申报",
            SubjectId = "a-1",
            SubjectPerson = "李华",
            Succeeded = false,
            Outcome = "失败",
            RemoteAddress = "192.0.2.7",
            UserAgent = "Firefox",
            Detail = "角色：审核人",
            ContentHash = hash,
        });
    }
}

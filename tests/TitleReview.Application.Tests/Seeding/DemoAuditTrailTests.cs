using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Security;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Seeding;

/// <summary>
/// The demo story runs the real use cases, so it leaves the audit trail (ADR 0053) a use case of
/// each module writes: who, what, on whom, when. The seeded trail verifies.
/// </summary>
public class DemoAuditTrailTests : ApplicationTestBase
{
    private static readonly DateTimeOffset Today = BeijingTime.FromBeijing(new DateTime(2026, 11, 27, 10, 0, 0));

    protected override DateTimeOffset ClockStart => Today;

    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" };

    [Test]
    public async Task Seed_WritesARowForAnActionOfEachModule_AndTheTrailVerifies()
    {
        await InitializeDatabaseAsync();

        var verification = await InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyAuditTrail, AuditVerification>>().HandleAsync(new VerifyAuditTrail()));
        verification.Intact.Should().BeTrue(verification.Message);
        verification.RowsChecked.Should().BeGreaterThan(200, "the demo's two campaigns are told through the use cases");

        var rows = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().ToListAsync());
        string[] modules =
        [
            "RegisterUnit",            // unit registration
            "ApproveRegistration",     // the office approves it (and the auditor's account)
            "SubmitDossier",           // the applicant's dossier
            "ApproveDossier",          // the auditor's review
            "PassPreliminary",         // the office's preliminary decision
            "DecideStatementRow",      // fee reconciliation
            "CastBallots",             // the committee's vote
            "IssueCertificates",       // certificates
            "DecideIntegrityCase",     // integrity
            "PublishOfficeDetails",    // an office setting
        ];
        foreach (var operation in modules)
        {
            var row = rows.Where(r => r.Operation == operation && r.Succeeded).OrderBy(r => r.Sequence).FirstOrDefault();
            row.Should().NotBeNull($"the demo runs {operation}");
            row!.Action.Should().Be(AuditAction.UseCase);
            if (operation == "RegisterUnit")
            {
                // A unit registers before it has an account: the row names the unit.
                row.Unit.Should().NotBeNullOrEmpty();
            }
            else
            {
                row.ActorName.Should().NotBeNullOrEmpty($"{operation} names who did it");
                row.Role.Should().NotBeNullOrEmpty($"{operation} gives the role");
            }

            row.OperationName.Should().NotBe(operation, $"{operation} has a Chinese name");
            row.Outcome.Should().Be(AuditEntry.OutcomeSucceeded);
        }

        var submitted = rows.First(r => r.Operation == "SubmitDossier" && r.SubjectPerson == "李华");
        submitted.SubjectKind.Should().Be("申报");
        submitted.ActorName.Should().Be("李华");
        submitted.Detail.Should().Contain("改动");
        BeijingTime.DateOf(submitted.OccurredAt).Year.Should().Be(2023, "the replay's clock dates the row");

        rows.Should().Contain(r => r.Action == AuditAction.RecordOpened && r.Operation == "OpenAssignedDossier" && r.SubjectPerson != null,
            "an expert's opening of an assigned dossier is in the trail");
        rows.Should().Contain(r => r.Action == AuditAction.WorkflowTimer && r.Actor == AuditEntry.SystemActor,
            "the clock's fires are in the trail, by the system");
        rows.Should().NotContain(r => r.Action == AuditAction.RecordOpened && r.Role == "申报人",
            "an applicant opening their own dossier writes no row");
    }
}

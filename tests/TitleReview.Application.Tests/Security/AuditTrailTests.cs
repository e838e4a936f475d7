using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Security;

/// <summary>The hash-chained audit trail (ADR 0053) on the real SQLite database.</summary>
public class AuditTrailTests : ApplicationTestBase
{
    private static readonly WorkflowActor Office = new("office-id", "王芳", [Roles.Office]);

    [Test]
    public async Task Append_ChainsTheRows_AndTheChainVerifies()
    {
        await AppendAsync(Row("第一条"), Row("第二条"));
        await AppendAsync(Row("第三条"));

        var rows = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        var verification = await VerifyAsync();

        rows.Select(r => r.Sequence).Should().Equal(1, 2, 3);
        rows[0].PreviousHash.Should().BeEmpty();
        rows[1].PreviousHash.Should().Be(rows[0].ContentHash);
        rows[2].PreviousHash.Should().Be(rows[1].ContentHash);
        verification.Intact.Should().BeTrue(verification.Message);
        verification.RowsChecked.Should().Be(3);
    }

    [Test]
    public async Task Verify_WhenARowsSummaryIsEditedInTheDatabase_NamesThatRow()
    {
        for (var i = 1; i <= 8; i++)
        {
            await AppendAsync(Row($"第 {i} 件"));
        }

        await SqlAsync("UPDATE \"AuditEntries\" SET \"Detail\" = '无事发生' WHERE \"Sequence\" = 5");
        var verification = await VerifyAsync();

        verification.Intact.Should().BeFalse();
        verification.BrokenSequence.Should().Be(5);
        verification.Message.Should().Contain("第 5 条").And.Contain("被改动");
    }

    [Test]
    public async Task Verify_WhenARowIsDeletedFromTheDatabase_NamesTheGap()
    {
        for (var i = 1; i <= 8; i++)
        {
            await AppendAsync(Row($"第 {i} 件"));
        }

        await SqlAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 4");
        var verification = await VerifyAsync();

        verification.Intact.Should().BeFalse();
        verification.BrokenSequence.Should().Be(4);
        verification.Message.Should().Contain("第 4 条").And.Contain("缺失");
    }

    [Test]
    public async Task Verify_WhenTheLastRowIsDeleted_NamesIt()
    {
        for (var i = 1; i <= 3; i++)
        {
            await AppendAsync(Row($"第 {i} 件"));
        }

        await SqlAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");
        var verification = await VerifyAsync();

        verification.BrokenSequence.Should().Be(3);
    }

    [Test]
    public async Task Verify_TenThousandRows_ReadsThemInBatches()
    {
        const int Count = 10_000;
        await AppendAsync([.. Enumerable.Range(1, Count).Select(i => Row($"第 {i} 件"))]);

        var verification = await VerifyAsync(batchSize: 500);

        verification.Intact.Should().BeTrue(verification.Message);
        verification.RowsChecked.Should().Be(Count);

        // Twenty full batches and the empty read that ends the walk: one batch in memory at a time.
        verification.Batches.Should().Be((Count / 500) + 1);
    }

    [Test]
    public async Task Append_FromManyScopesAtOnce_KeepsOneValidChain()
    {
        const int Writers = 6;
        const int Each = 15;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Each; i++)
            {
                await AppendAsync(Row($"写入者 {w} 第 {i} 条"));
            }
        })));

        var verification = await VerifyAsync();
        verification.Intact.Should().BeTrue(verification.Message);
        verification.RowsChecked.Should().Be(Writers * Each);
    }

    [Test]
    public async Task Command_WhenRefused_WritesARowWithWhoWhereAndTheReason()
    {
        var act = () => InScopeAsync(async sp =>
        {
            var scope = sp.GetRequiredService<AuditScope>();
            scope.RemoteAddress = "10.1.2.3";
            scope.UserAgent = "Mozilla/5.0 测试";
            scope.UserName = "office";
            scope.UserId = Office.Id;
            await sp.GetRequiredService<IHandler<ArchiveAuditTrail, AuditArchived>>().HandleAsync(new ArchiveAuditTrail(null, Office));
        });

        await act.Should().ThrowAsync<ValidationException>();
        var row = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().SingleAsync());
        row.Actor.Should().Be("office");
        row.ActorName.Should().Be("王芳");
        row.Role.Should().Be(Roles.DisplayName(Roles.Office));
        row.RemoteAddress.Should().Be("10.1.2.3");
        row.UserAgent.Should().Be("Mozilla/5.0 测试");
        row.Operation.Should().Be(nameof(ArchiveAuditTrail));
        row.OperationName.Should().Be("归档审计记录");
        row.Succeeded.Should().BeFalse();
        row.Outcome.Should().Be("被拒绝：请填写归档截止日期。");
    }

    [Test]
    public async Task Archive_OldRows_GoToAFileThatVerifies_AndTheRestVerifiesFromTheCheckpoint()
    {
        for (var i = 1; i <= 10; i++)
        {
            await AppendAsync(Row($"旧 {i}"));
        }

        Clock.Advance(TimeSpan.FromDays(200));
        await AppendAsync(Row("新 1"), Row("新 2"));
        var before = BeijingTime.DateOf(Clock.GetUtcNow().AddDays(-AuditRetention.MinimumDays));
        var path = Path.Combine(Path.GetTempPath(), $"audit-archive-{Guid.NewGuid():N}.jsonl");
        try
        {
            var archived = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ArchiveAuditTrail, AuditArchived>>()
                .HandleAsync(new ArchiveAuditTrail(before, Office, path)));
            var file = await InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyAuditArchive, AuditVerification>>().HandleAsync(new VerifyAuditArchive(path)));
            var database = await VerifyAsync();
            var left = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

            archived.Should().Be(new AuditArchived(1, 10, 10, path));
            file.Intact.Should().BeTrue(file.Message);
            file.RowsChecked.Should().Be(10);
            database.Intact.Should().BeTrue(database.Message);
            database.FirstSequence.Should().Be(11);
            left.Select(e => e.Sequence).Should().Equal(11, 12, 13);
            left[^1].Operation.Should().Be(nameof(ArchiveAuditTrail), "archiving is itself audited");

            // An edited archive names its row as the database would.
            var lines = await File.ReadAllLinesAsync(path);
            lines[3] = lines[3].Replace("旧 3", "旧 三", StringComparison.Ordinal);
            await File.WriteAllLinesAsync(path, lines);
            var edited = await InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyAuditArchive, AuditVerification>>().HandleAsync(new VerifyAuditArchive(path)));
            edited.BrokenSequence.Should().Be(3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Archive_RowsYoungerThan180Days_IsRefused_AndNothingLeaves()
    {
        await AppendAsync(Row("新"));

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<ArchiveAuditTrail, AuditArchived>>()
            .HandleAsync(new ArchiveAuditTrail(BeijingTime.Today(Clock), Office)));

        await act.Should().ThrowAsync<BusinessRuleViolationException>().WithMessage("*至少保留 180 天*");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync())).Should().Be(2, "the row and the refused attempt");
    }

    [Test]
    public async Task Archive_ByAnyoneButTheOffice_IsRefused()
    {
        var inspector = new WorkflowActor("inspector-id", "纪检", [Roles.Inspector]);

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<ArchiveAuditTrail, AuditArchived>>()
            .HandleAsync(new ArchiveAuditTrail(new DateOnly(2020, 1, 1), inspector)));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    private static AuditAppend Row(string detail) => new(new AuditFacts
    {
        OccurredAt = DateTimeOffset.UnixEpoch,
        Actor = "office",
        ActorName = "王芳",
        Operation = "Test",
        OperationName = "测试",
        Detail = detail,
    });

    private Task AppendAsync(params AuditAppend[] rows) =>
        InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().AppendAsync(rows.Select(r => r with { Facts = r.Facts with { OccurredAt = Clock.GetUtcNow() } }).ToList()));

    private Task<AuditVerification> VerifyAsync(int batchSize = VerifyAuditTrail.DefaultBatchSize) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyAuditTrail, AuditVerification>>().HandleAsync(new VerifyAuditTrail(batchSize)));

    private Task SqlAsync(string sql) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql));
}

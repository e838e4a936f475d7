using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Persistence;

/// <summary>The app's SQLite connections after start-up: WAL, a busy timeout, NORMAL sync and foreign keys (ADR 0027).</summary>
public class SqlitePragmasTests : ApplicationTestBase
{
    [Test]
    public async Task AppDbContext_AfterStartUp_ReadsTheConcurrencyPragmas()
    {
        await InitializeDatabaseAsync();

        var pragmas = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            return new
            {
                JournalMode = await PragmaAsync(db, "journal_mode"),
                BusyTimeout = await PragmaAsync(db, "busy_timeout"),
                Synchronous = await PragmaAsync(db, "synchronous"),
                ForeignKeys = await PragmaAsync(db, "foreign_keys"),
            };
        });

        pragmas.JournalMode.Should().Be("wal");
        pragmas.BusyTimeout.Should().Be(((int)SqlitePragmas.BusyTimeout.TotalMilliseconds).ToString());
        pragmas.Synchronous.Should().Be("1", "1 is NORMAL");
        pragmas.ForeignKeys.Should().Be("1");
    }

    [Test]
    public async Task SaveChanges_WhileAnotherWriterHoldsTheLock_WaitsAndBothCommit()
    {
        await InitializeDatabaseAsync();
        await using var firstScope = Services.CreateAsyncScope();
        await using var secondScope = Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using (var transaction = await first.Database.BeginTransactionAsync())
        {
            await InsertAsync(first, "first");
            // Microsoft.Data.Sqlite waits for a lock on the calling thread, so the second writer gets its own.
            var waiting = Task.Run(() => InsertAsync(second, "second"));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            waiting.IsCompleted.Should().BeFalse("the second writer waits for the first's lock");
            await transaction.CommitAsync();
            await waiting;
        }

        (await second.WorkflowDefinitionVersions.CountAsync(r => r.DefinitionId == "first" || r.DefinitionId == "second")).Should().Be(2);
    }

    [Test]
    public async Task SaveChanges_FromEightWritersAtOnce_AllCommitWithoutLockErrors()
    {
        await InitializeDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; n < 10; n++)
            {
                await using var scope = Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await InsertAsync(db, $"writer-{writer}-{n}");
                await transaction.CommitAsync();
            }
        })));

        var count = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowDefinitionVersions.CountAsync(r => r.DefinitionId.StartsWith("writer-")));
        count.Should().Be(80);
    }

    private static async Task<string> PragmaAsync(AppDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static Task<int> InsertAsync(AppDbContext db, string definitionId) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO WorkflowDefinitionVersions (DefinitionId, Version, Sha256, FileName, RegisteredAt) VALUES ({definitionId}, 1, 'test', 'test.json', '2023-01-01 00:00:00')");
}

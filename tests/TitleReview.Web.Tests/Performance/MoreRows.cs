using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Performance;

/// <summary>
/// More rows of what a page lists, copied in SQL from a row the demo story wrote through the
/// front door, so a query budget can be measured again with more rows and nothing else changed.
/// </summary>
internal static class MoreRows
{
    /// <summary>Copies the dossier's award, with its scan, <paramref name="count"/> times.</summary>
    public static async Task AddAwardsAsync(TitleReviewFactory factory, Guid applicationId, int count)
    {
        await WithDatabaseAsync(factory, async db =>
        {
            var awardId = await db.Database
                .SqlQuery<string>($"SELECT Id AS Value FROM DossierItems WHERE ApplicationId = {Text(applicationId)} AND ItemType = 'award' LIMIT 1")
                .SingleAsync();
            var award = Guid.Parse(awardId);
            for (var i = 0; i < count; i++)
            {
                var copy = Guid.NewGuid();
                await CopyRowAsync(db, "DossierItems", "Id", awardId, new Dictionary<string, object> { ["Id"] = Text(copy) });
                await CopyRowAsync(db, "DossierAttachments", "SlotKey", $"Award:{award:N}", new Dictionary<string, object>
                {
                    ["Id"] = Text(Guid.NewGuid()),
                    ["SlotKey"] = $"Award:{copy:N}",
                });
            }
        });
    }

    /// <summary>Copies the application and its workflow instance <paramref name="count"/> times, each for an applicant of its own.</summary>
    public static async Task AddApplicationsLikeAsync(TitleReviewFactory factory, Guid applicationId, int count)
    {
        await WithDatabaseAsync(factory, async db =>
        {
            for (var i = 0; i < count; i++)
            {
                await CopyApplicationAsync(db, applicationId, $"申报人{i + 1:000}", unitId: null);
            }
        });
    }

    /// <summary>
    /// Copies the application's unit <paramref name="units"/> times (a name and credit code of its
    /// own), each with <paramref name="applicantsEach"/> copies of the application and its instance.
    /// </summary>
    public static async Task AddUnitsLikeAsync(TitleReviewFactory factory, Guid applicationId, int units, int applicantsEach)
    {
        await WithDatabaseAsync(factory, async db =>
        {
            var unitId = await db.TitleApplications.Where(a => a.Id == applicationId).Select(a => a.UnitId).SingleAsync();
            for (var u = 0; u < units; u++)
            {
                var unitCopy = Guid.NewGuid();
                await CopyRowAsync(db, "Units", "Id", Text(unitId), new Dictionary<string, object>
                {
                    ["Id"] = Text(unitCopy),
                    ["Name"] = $"复制单位{u + 1:000}",
                    ["CreditCode"] = $"91520000MA{u + 1:00000000}",
                });
                for (var i = 0; i < applicantsEach; i++)
                {
                    await CopyApplicationAsync(db, applicationId, $"单位{u + 1:000}申报人{i + 1:000}", unitCopy);
                }
            }
        });
    }

    private static async Task CopyApplicationAsync(AppDbContext db, Guid applicationId, string applicantName, Guid? unitId)
    {
        var copy = Text(Guid.NewGuid());
        var application = new Dictionary<string, object> { ["Id"] = copy, ["ApplicantUserId"] = "copy-" + copy, ["ApplicantName"] = applicantName };
        var instance = new Dictionary<string, object> { ["Id"] = Text(Guid.NewGuid()), ["SubjectId"] = copy };
        if (unitId is { } unit)
        {
            application["UnitId"] = Text(unit);
            instance["UnitId"] = Text(unit);
        }

        await CopyRowAsync(db, "Applications", "Id", Text(applicationId), application);
        await CopyRowAsync(db, "WorkflowInstances", "SubjectId", Text(applicationId), instance);
    }

    /// <summary>How EF Core's SQLite provider stores a <see cref="Guid"/>.</summary>
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task CopyRowAsync(AppDbContext db, string table, string keyColumn, string key, IReadOnlyDictionary<string, object> changes)
    {
        // Table and column names are the tests' own constants, never input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"CREATE TEMP TABLE RowCopy AS SELECT * FROM {table} WHERE {keyColumn} = @key", new SqliteParameter("@key", key));
        var sets = string.Join(", ", changes.Keys.Select(c => $"{c} = @{c}"));
        await db.Database.ExecuteSqlRawAsync($"UPDATE RowCopy SET {sets}", changes.Select(c => new SqliteParameter("@" + c.Key, c.Value)));
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {table} SELECT * FROM RowCopy");
        await db.Database.ExecuteSqlRawAsync("DROP TABLE RowCopy");
#pragma warning restore EF1002
    }

    private static async Task WithDatabaseAsync(TitleReviewFactory factory, Func<AppDbContext, Task> work)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await work(db);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests;

/// <summary>
/// Migrates one SQLite database per test run; every test starts from a fresh copy of it,
/// so tests run against the real schema and never see each other's rows.
/// </summary>
[SetUpFixture]
public sealed class TestDatabase
{
    public static string TemplateFile { get; private set; } = string.Empty;

    private static string _folder = string.Empty;

    [OneTimeSetUp]
    public async Task MigrateTemplateAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "titlereview-apptests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        TemplateFile = Path.Combine(_folder, "template.db");

        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={TemplateFile};Pooling=False");
        await using var db = new AppDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    [OneTimeTearDown]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

using Microsoft.EntityFrameworkCore;

namespace TitleReview.Infrastructure.Persistence;

/// <summary>
/// The one place that knows which provider uses which migrations assembly (ADR 0002), shared
/// by the application and the design-time factories of the migrations projects; SQLite
/// connections get their pragmas here (ADR 0027).
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "TitleReview.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "TitleReview.Migrations.SqlServer";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        return provider switch
        {
            DatabaseProvider.Sqlite => builder
                .UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o =>
            {
                o.MigrationsAssembly(SqlServerMigrationsAssembly);
                o.EnableRetryOnFailure();
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "未知的数据库类型。"),
        };
    }
}

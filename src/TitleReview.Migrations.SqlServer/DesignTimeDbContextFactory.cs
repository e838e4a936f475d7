using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the model for this provider without starting the web host.
/// The connection string is never opened when adding migrations or generating scripts.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.SqlServer, "Server=localhost;Database=TitleReview;Trusted_Connection=True;TrustServerCertificate=True");
        return new AppDbContext(builder.Options);
    }
}

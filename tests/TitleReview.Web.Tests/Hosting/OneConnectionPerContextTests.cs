using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Hosting;

/// <summary>A request's context opens its SQLite connection once and returns it to the pool when it is disposed.</summary>
public class OneConnectionPerContextTests
{
    [Test]
    public async Task Context_AfterSeveralCommands_KeepsItsConnectionOpenUntilDisposed()
    {
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "false" });
        System.Data.Common.DbConnection connection;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Campaigns.CountAsync();
            await db.Users.CountAsync();
            connection = db.Database.GetDbConnection();

            connection.State.Should().Be(ConnectionState.Open, "commands share the context's one connection");
        }

        connection.State.Should().Be(ConnectionState.Closed, "disposing the context gives the connection back");
    }
}

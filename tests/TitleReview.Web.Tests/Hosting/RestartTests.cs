using System.Net;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Hosting;

/// <summary>Data Protection keys live in the database (ADR 0058), so a restart keeps people signed in.</summary>
public class RestartTests
{
    [Test]
    public async Task SignIn_SurvivesARestartOnTheSameDataFolder()
    {
        var folder = TitleReviewFactory.NewDataFolder();
        string cookie;
        using (var first = new TitleReviewFactory(dataFolder: folder))
        {
            var client = first.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            var login = await PostLoginAsync(client, "office", TitleReview.Infrastructure.Seeding.DemoAccounts.Password);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        Directory.Exists(Path.Combine(folder, "keys")).Should().BeFalse("the key ring is in the database");

        using (var second = new TitleReviewFactory(dataFolder: folder))
        {
            var client = second.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Office");
            request.Headers.Add("Cookie", cookie);

            var response = await client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

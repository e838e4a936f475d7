using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Hosting;

/// <summary>
/// Several instances over one database (ADR 0058): the key ring lives in the database, so any
/// instance accepts what another signed; an instance that does not migrate refuses a schema the
/// migrate step has not prepared; SQLite refuses to be shared by two instances.
/// </summary>
public class ClusterTests
{
    private readonly List<string> _folders = [];

    [TearDown]
    public void DeleteFolders()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task CookieIssuedByOneInstance_IsAcceptedByAnotherOverTheSameDatabase()
    {
        var first = NewFolder();
        var second = NewFolder();
        using var one = new TitleReviewFactory(dataFolder: first);
        var signIn = one.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var login = await PostLoginAsync(signIn, "office", DemoAccounts.Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal)).Split(';')[0];

        // The second instance has its own data folder (no key files to share) and does not migrate:
        // it reads the schema and the key ring the first one left in the one database.
        using var two = new TitleReviewFactory(dataFolder: second, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:TitleReview"] = $"Data Source={Path.Combine(first, "titlereview.db")}",
            ["Database:MigrateAtStartup"] = "false",
        });
        var other = two.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Office");
        request.Headers.Add("Cookie", cookie);

        var response = await other.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("省政工职评办");
        Directory.Exists(Path.Combine(first, "keys")).Should().BeFalse("the key ring is kept in the database, not in a folder of one instance");
        Directory.Exists(Path.Combine(second, "keys")).Should().BeFalse();
    }

    [Test]
    public async Task ACookieSignedWithAKeyRingTheDatabaseDoesNotHold_IsRefused()
    {
        using var one = new TitleReviewFactory(dataFolder: NewFolder());
        var signIn = one.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var login = await PostLoginAsync(signIn, "office", DemoAccounts.Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal)).Split(';')[0];

        // Another installation: its own database, its own key ring.
        using var stranger = new TitleReviewFactory(dataFolder: NewFolder());
        var other = stranger.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Office");
        request.Headers.Add("Cookie", cookie);

        var response = await other.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a cookie is only as good as the key ring that signed it");
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Test]
    public void InstanceThatDoesNotMigrate_RefusesAnUnpreparedDatabase_NamingTheMigrateStep()
    {
        using var instance = new TitleReviewFactory(dataFolder: NewFolder(), settings: new Dictionary<string, string?>
        {
            ["Database:MigrateAtStartup"] = "false",
        });

        var start = () => instance.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("run the migrate command line first"));
    }

    [Test]
    public async Task MigrateCommandLine_PreparesTheDatabaseOnce_ThenInstancesThatDoNotMigrateStart()
    {
        var folder = NewFolder();
        var settings = new Dictionary<string, string?> { ["Database:MigrateAtStartup"] = "false" };
        using (var refused = new TitleReviewFactory(dataFolder: folder, settings: settings))
        {
            FluentActions.Invoking(() => refused.CreateClient()).Should().Throw<Exception>();
        }

        // The real command line, as the compose file's one-shot step runs it, twice.
        var database = Path.Combine(folder, "titlereview.db");
        var (exit, output) = await RunMigrateAsync(database);
        var (again, _) = await RunMigrateAsync(database);

        again.Should().Be(0, "a second run finds nothing to do");
        exit.Should().Be(0);
        output.Should().Contain("数据库已准备就绪");
        using var instance = new TitleReviewFactory(dataFolder: folder, environment: "Production", settings: settings);
        var client = instance.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var login = await PostLoginAsync(client, "chief", "Chief#2026pass");
        login.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal), "the migrate step created the first office account");
        await using var scope = instance.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Users.CountAsync(u => u.UserName == "chief")).Should().Be(1, "the migrate step ran twice but created the first office account once");
    }

    [Test]
    public void SecondInstanceOnTheSameSqliteDataFolder_IsRefusedWhileTheFirstServes()
    {
        var folder = NewFolder();
        using var first = new TitleReviewFactory(dataFolder: folder);
        first.CreateClient().Dispose();
        using var second = new TitleReviewFactory(dataFolder: folder);

        var start = () => second.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("另一个 TitleReview 实例正在使用数据文件夹"));
    }

    [Test]
    public void SqliteConfiguredForTwoInstances_IsRefusedAtStartUp()
    {
        using var instance = new TitleReviewFactory(dataFolder: NewFolder(), settings: new Dictionary<string, string?>
        {
            [SingleInstanceLock.InstancesKey] = "2",
        });

        var start = () => instance.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("嵌入式 SQLite 数据库只支持一个应用实例"));
    }

    [Test]
    public async Task KeyFilesOfAnOlderInstallation_AreCarriedIntoTheDatabase_SoItsSignInsSurvive()
    {
        var folder = NewFolder();
        string cookie;
        using (var before = new TitleReviewFactory(dataFolder: folder))
        {
            var client = before.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            var login = await PostLoginAsync(client, "office", DemoAccounts.Password);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal)).Split(';')[0];

            // Played back as an installation from before ADR 0058: its ring in files, the table empty.
            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var keys = Directory.CreateDirectory(Path.Combine(folder, "keys"));
            foreach (var key in await db.DataProtectionKeys.ToListAsync())
            {
                await File.WriteAllTextAsync(Path.Combine(keys.FullName, key.FriendlyName + ".xml"), key.Xml);
            }

            await db.DataProtectionKeys.ExecuteDeleteAsync();
        }

        using var after = new TitleReviewFactory(dataFolder: folder);
        var other = after.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Office");
        request.Headers.Add("Cookie", cookie);

        (await other.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Runs <c>TitleReview.Web.dll migrate</c> in its own process, in Production, on <paramref name="database"/>.</summary>
    private async Task<(int Exit, string Output)> RunMigrateAsync(string database)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TitleReview.Web.dll"));
        start.ArgumentList.Add("migrate");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataFolder"] = NewFolder();
        start.Environment["ConnectionStrings__TitleReview"] = $"Data Source={database}";
        start.Environment["Bootstrap__OfficeUserName"] = "chief";
        start.Environment["Bootstrap__OfficePassword"] = "Chief#2026pass";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(bound.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Test]
    public void KeyRing_GetsItsNextKeyBeforeTheLastOneExpires_OutsideAnyRequest()
    {
        using var host = new TitleReviewFactory(dataFolder: NewFolder());
        host.CreateClient().Dispose();
        var keys = host.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
        keys.GetAllKeys().Should().ContainSingle("start-up made the first key, so no request has to");

        var now = DateTimeOffset.UtcNow;
        var maintenance = host.Services.GetRequiredService<TitleReview.Infrastructure.Identity.KeyRingMaintenance>();
        maintenance.EnsureAhead();
        keys.GetAllKeys().Should().ContainSingle("the 90-day key is not yet within 14 days of its end");

        // Looking 100 days ahead, as the daily job will once the key is 76 days old.
        maintenance.EnsureAhead(TimeSpan.FromDays(100));
        maintenance.EnsureAhead(TimeSpan.FromDays(100));

        keys.GetAllKeys().Select(k => k.ActivationDate)
            .Should().ContainSingle(d => d > now.AddDays(89), "one successor, in use from when the first key expires");
    }

    private string NewFolder()
    {
        var folder = TitleReviewFactory.NewDataFolder();
        _folders.Add(folder);
        return folder;
    }
}

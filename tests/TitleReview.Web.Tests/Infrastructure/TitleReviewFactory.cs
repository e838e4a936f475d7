using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Web.Tests.Infrastructure;

/// <summary>
/// The whole application, as <c>dotnet run</c> starts it, on its own data folder (a fresh
/// SQLite database) and, where a test asks, a fake clock. Per-address rate limits are raised
/// out of the way (tests sign in many times from one address) unless a test asks for the
/// real ones with <c>rateLimits: true</c>. In-memory requests arrive as if through a proxy
/// on the same machine, so a test can give a client its address with <c>X-Forwarded-For</c>.
/// </summary>
public sealed class TitleReviewFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder;
    private readonly bool _keepData;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _rateLimits;

    public TitleReviewFactory(
        string environment = "Development",
        FakeTimeProvider? clock = null,
        bool kestrel = false,
        string? dataFolder = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool rateLimits = false,
        bool countQueries = false)
    {
        Queries = countQueries ? new QueryBudget() : null;
        _services = services;
        _rateLimits = rateLimits;
        EnvironmentName = environment;
        Clock = clock;
        _keepData = dataFolder is not null;
        _dataFolder = dataFolder ?? NewDataFolder();
        _settings = settings ?? new Dictionary<string, string?>();
        ClientOptions.BaseAddress = new Uri("https://localhost");
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public string EnvironmentName { get; }

    public FakeTimeProvider? Clock { get; }

    /// <summary>Counts each request's SQL commands (only with <c>countQueries: true</c>).</summary>
    public QueryBudget? Queries { get; }

    public string DataFolder => _dataFolder;

    public static string NewDataFolder() =>
        Path.Combine(Path.GetTempPath(), "titlereview-webtest-" + Guid.NewGuid().ToString("N"));

    /// <summary>The address of the real Kestrel server (only with <c>kestrel: true</c>).</summary>
    public string ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            // "localhost" is a secure context for Chromium, like the developer's own browser.
            return address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting(StoragePaths.DataFolderKey, _dataFolder);

        // Tests drive the clock themselves and bring their own campaigns unless they ask for the demo ones.
        builder.UseSetting("Workflow:ClockEnabled", "false");
        builder.UseSetting("Demo:SeedCampaigns", "false");

        // The hourly reminder job would add notifications whenever the real hour turned during a test.
        builder.UseSetting("Notifications:RemindersEnabled", "false");
        if (!_rateLimits)
        {
            foreach (var policy in new[] { "SignIn", "Registration", "Lookup", "PasswordReset" })
            {
                builder.UseSetting($"RateLimits:{policy}:PermitLimit", "100000");
            }
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            services.AddSingleton<IStartupFilter, LoopbackProxyStartupFilter>();
            if (Queries is not null)
            {
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Queries));

                // The measurement's scope lives in the test's execution context; the request must run in it.
                services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
            }

            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_keepData)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be held open by the logger for a moment; temp is cleaned later.
            }
        }
    }
}

/// <summary>
/// The test server leaves the remote address empty; here it is the local machine, which the
/// forwarded-headers middleware trusts as a proxy, as it would trust nginx in front of Kestrel.
/// </summary>
internal sealed class LoopbackProxyStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            await nextMiddleware();
        });
        next(app);
    };
}

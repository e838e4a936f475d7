using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Web.Tests.Infrastructure;

/// <summary>
/// The whole application, as <c>dotnet run</c> starts it, on its own data folder (a fresh
/// SQLite database) and, where a test asks, a fake clock.
/// </summary>
public sealed class TitleReviewFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder;
    private readonly bool _keepData;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public TitleReviewFactory(
        string environment = "Development",
        FakeTimeProvider? clock = null,
        bool kestrel = false,
        string? dataFolder = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
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

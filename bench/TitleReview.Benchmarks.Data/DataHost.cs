using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using TitleReview.Application;
using TitleReview.Application.Workflows;
using TitleReview.Infrastructure;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Benchmarks.Data;

/// <summary>
/// The application's services wired as the web host wires them for SQLite in Production (no
/// demo data, Hangfire not started), on the data folder being filled, with the real clock: the
/// app that later serves the folder reads the same clock.
/// </summary>
internal sealed class DataHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DataHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static DataHost Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = $"Data Source={Path.Combine(folder, "titlereview.db")};Pooling=False",
            [StoragePaths.DataFolderKey] = folder,
            ["Demo:SeedCampaigns"] = "false",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "TitleReview.Benchmarks.Data",
            ContentRootPath = folder,
        });
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton(TimeProvider.System);
        return new DataHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>What the app does at start-up: migrations, definition versions, roles.</summary>
    public async Task InitializeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Runs the real clock until no timer is due: the campaigns' own timers catch up to now.</summary>
    public async Task<int> CatchUpClockAsync()
    {
        var fired = 0;
        while (true)
        {
            await using var scope = _services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<IWorkflowClock>().RunAsync();
            if (count == 0)
            {
                return fired;
            }

            fired += count;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using TitleReview.Application;
using TitleReview.Application.Workflows;
using TitleReview.Infrastructure;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Benchmarks.Clock;

/// <summary>
/// The application's services wired as the web host wires them for SQLite (without starting
/// Hangfire), on the database in one folder, with the benchmark's time.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static string DatabaseFile(string folder) => Path.Combine(folder, "titlereview.db");

    public static string ConnectionString(string folder) => $"Data Source={DatabaseFile(folder)};Pooling=False";

    public static BenchHost Create(string folder, TimeProvider time, int? batchSize)
    {
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = ConnectionString(folder),
            [StoragePaths.DataFolderKey] = folder,
            ["Demo:SeedCampaigns"] = "false",
        };
        if (batchSize is { } size)
        {
            settings[$"{WorkflowClockOptions.SectionName}:{nameof(WorkflowClockOptions.BatchSize)}"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "TitleReview.Benchmarks.Clock",
            ContentRootPath = folder,
        });
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton<TimeProvider>(time);
        return new BenchHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    public async Task MigrateAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }

    /// <summary>One run of the real clock, as the recurring job runs it.</summary>
    public async Task<int> RunClockAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowClock>().RunAsync();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

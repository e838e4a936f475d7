using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Infrastructure;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Tests.Fixtures;

namespace TitleReview.Application.Tests;

/// <summary>
/// The application and infrastructure services as the web host wires them, on a fresh copy
/// of the migrated SQLite database, with a <see cref="FakeTimeProvider"/> for the clock.
/// </summary>
public abstract class ApplicationTestBase
{
    private string _folder = string.Empty;
    private ServiceProvider? _services;

    protected static readonly DateTimeOffset StartInstant = new(2023, 8, 1, 1, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>Where the fake clock starts; it can only move forward from here.</summary>
    protected virtual DateTimeOffset ClockStart => StartInstant;

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not set up.");

    protected virtual string EnvironmentName => Environments.Development;

    protected virtual IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>();

    public static string WorkflowsFolder => Path.Combine(AppContext.BaseDirectory, "workflows");

    [SetUp]
    public void SetUpServices()
    {
        _folder = Path.Combine(Path.GetTempPath(), "titlereview-apptest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.Copy(TestDatabase.TemplateFile, new StoragePaths(_folder, WorkflowsFolder).SqliteDatabaseFile);
        Clock = new FakeTimeProvider(ClockStart);
        _services = BuildServices();
    }

    /// <summary>
    /// Stops the services and starts them again on the same database and clock, reading the
    /// configuration (and so the workflows folder) anew, as a restart of the application would.
    /// </summary>
    protected async Task RestartServicesAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _services = BuildServices();
    }

    private ServiceProvider BuildServices()
    {
        var paths = new StoragePaths(_folder, WorkflowsFolder);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = $"Data Source={paths.SqliteDatabaseFile};Pooling=False",
            [StoragePaths.DataFolderKey] = _folder,
            [StoragePaths.WorkflowsFolderKey] = WorkflowsFolder,
            ["Demo:SeedCampaigns"] = "false",
        };
        foreach (var (key, value) in ExtraConfiguration)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = EnvironmentName,
            ApplicationName = "TitleReview.Web",
            ContentRootPath = _folder,
        });
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.TryAddIntegrityTestDoubles();
        ConfigureServices(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [TearDown]
    public async Task TearDownServices()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Where a fixture adds or replaces services after the application's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs start-up's initializer: roles, and demo data in Development.</summary>
    protected Task InitializeDatabaseAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());

    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }
}

using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Calendars;
using TitleReview.Infrastructure.Calendars;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Jobs;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Infrastructure;

public static class DependencyInjection
{
    public const int PasswordMinimumLength = 8;
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services,
        IConfiguration configuration,
        StoragePaths paths)
    {
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(configuration, database.Provider, paths);
        services.AddDbContext<AppDbContext>(o => DatabaseSetup.Configure(o, database.Provider, connectionString));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = PasswordMinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordCharacterClassesValidator<AppUser>>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();

        services.AddSingleton(_ => CalendarFileLoader.LoadFolder(paths.CalendarsFolder));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AuditedSignIn>();
        services.AddScoped<AccountDirectory>();

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(connectionString);
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<HangfireHealthCheck>("hangfire");

        return services;
    }

    private static string ResolveConnectionString(IConfiguration configuration, DatabaseProvider provider, StoragePaths paths)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return provider == DatabaseProvider.Sqlite
            ? $"Data Source={paths.SqliteDatabaseFile}"
            : throw new InvalidOperationException(
                $"Database:Provider is SqlServer but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
    }
}

using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TitleReview.Application.Applicants;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Files;
using TitleReview.Application.Notifications;
using TitleReview.Application.Security;
using TitleReview.Application.Units;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Calendars;
using TitleReview.Infrastructure.Calendars;
using TitleReview.Infrastructure.Campaigns;
using TitleReview.Infrastructure.Files;
using TitleReview.Infrastructure.Workflow;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Jobs;
using TitleReview.Infrastructure.Messaging;
using TitleReview.Infrastructure.Notifications;
using TitleReview.Infrastructure.Operations;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Infrastructure;

public static class DependencyInjection
{
    public const int PasswordMinimumLength = 8;
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Paths and connection strings are read from the final configuration when first
        // needed, so a test host's settings apply as well as appsettings and the environment.
        services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var paths = StoragePaths.Resolve(
                config[StoragePaths.DataFolderKey],
                config[StoragePaths.WorkflowsFolderKey],
                sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            paths.EnsureCreated();
            return paths;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Application.Common.OfficeContact>().BindConfiguration(Application.Common.OfficeContact.SectionName);

        // Keys live in the database (ADR 0058): they survive restarts, every instance behind the
        // proxy reads the same ring, and a backup of the database carries them.
        services.AddDataProtection()
            .SetApplicationName("TitleReview")
            .PersistKeysToDbContext<AppDbContext>();

        var provider = ReadProvider(configuration);
        services.AddScoped<OutboxDeliveryTrigger>();
        services.AddScoped<Audit.AuditChangeCollector>();
        services.AddScoped<Application.Security.Audit.IAuditTrail, Audit.AuditTrailStore>();
        services.AddSingleton<Application.Security.Audit.IAuditArchiveFiles, Audit.AuditArchiveFiles>();
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            DatabaseSetup.Configure(options, provider, ResolveConnectionString(sp, provider));
            options.AddInterceptors(sp.GetRequiredService<OutboxDeliveryTrigger>(), sp.GetRequiredService<Audit.AuditChangeCollector>());
            if (provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(OneConnectionPerContext.Instance);
            }
        });
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
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<ClockedUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordCharacterClassesValidator<AppUser>>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveAccountConfirmation>();
        services.AddOptions<ActivationOptions>().BindConfiguration(ActivationOptions.SectionName);
        services.AddScoped<IAccountProvisioning, AccountProvisioning>();
        services.AddScoped<IApplicantAccounts, ApplicantAccounts>();
        services.AddScoped<Application.Applications.Committee.Forming.IExpertAccounts, ExpertAccounts>();
        services.AddScoped<AccountActivator>();
        services.AddOptions<PasswordResetOptions>().BindConfiguration(PasswordResetOptions.SectionName);
        services.AddOptions<AccountSecurityOptions>().BindConfiguration(AccountSecurityOptions.SectionName);
        services.AddScoped<PasswordReset>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<TwoFactorSettings>();
        services.AddScoped<INotificationSender, InboxNotificationSender>();
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName);
        services.AddScoped<IMessageOutbox, MessageOutbox>();
        services.AddSingleton<ISiteLinks, SiteLinks>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<MessageDeliveryJob>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<IMessageTransport>(sp => sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Smtp.IsConfigured
            ? ActivatorUtilities.CreateInstance<SmtpTransport>(sp)
            : ActivatorUtilities.CreateInstance<EmlFileTransport>(sp));
        services.AddHttpClient<HttpSmsTransport>();
        services.AddScoped<IMessageTransport>(sp => sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Sms.IsConfigured
            ? sp.GetRequiredService<HttpSmsTransport>()
            : ActivatorUtilities.CreateInstance<SmsFileTransport>(sp));
        services.AddScoped<Application.Applications.Documents.IPersonDirectory, PersonDirectory>();
        services.AddScoped<Application.Integrity.IIntegrityMarks, Integrity.IntegrityMarks>();

        services.AddSingleton(sp => CalendarFileLoader.LoadFolder(sp.GetRequiredService<StoragePaths>().CalendarsFolder));
        services.AddSingleton(Domain.Workflows.Guards.GuardCatalogue.Standard);
        services.AddSingleton<WorkflowDefinitionLoader>();
        services.AddSingleton<IWorkflowDefinitions>(sp => new WorkflowDefinitionRegistry(
            sp.GetRequiredService<WorkflowDefinitionLoader>().LoadFolder(sp.GetRequiredService<StoragePaths>().WorkflowsFolder)));
        services.AddScoped<IWorkflowEngine, WorkflowEngine>();
        services.AddScoped<IWorkflowClock, WorkflowClock>();
        services.AddOptions<WorkflowClockOptions>()
            .BindConfiguration(WorkflowClockOptions.SectionName)
            .Validate(o => o.BatchSize > 0, "定时任务配置错误：Workflow:Clock:BatchSize 须大于 0。")
            .ValidateOnStart();
        services.AddScoped<Application.Workflows.Migrations.IWorkflowMigrations, WorkflowMigrations>();
        services.AddSingleton<IWorkflowDiagrams, WorkflowDiagrams>();
        services.AddScoped<WorkflowClockJob>();
        services.AddSingleton<ClockHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<ClockHeartbeat>());
        services.AddScoped<BulkOperationJob>();
        services.AddScoped<Application.Workflows.BulkOperations.IBulkOperationQueue, HangfireBulkOperationQueue>();
        services.AddSingleton<ITimelineFiles, TimelineFiles>();
        services.AddOptions<UploadOptions>()
            .BindConfiguration(UploadOptions.SectionName)
            .Validate(o => o.IsValid, "上传大小上限配置错误：Uploads:MaxFileBytes 须大于 0，且不得大于 Uploads:MaxDossierBytes。")
            .ValidateOnStart();
        services.AddFileStore();
        services.AddSingleton<Application.Fees.ImportStatement.IStatementFileReader, Fees.MiniExcelStatementReader>();
        services.AddSingleton<TitleReview.Application.Common.Spreadsheets.ISpreadsheetWriter, Spreadsheets.MiniExcelSpreadsheetWriter>();
        services.AddScoped<Backup.SystemBackup>();
        services.AddScoped<Backup.SystemRestore>();
        services.AddScoped<DemoCampaigns>();
        // The demo replays its story on the app's own registrations, read once the host has them all.
        services.AddSingleton(new ServiceRegistrations(services));
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<SingleInstanceLock>();
        services.AddSingleton<KeyRingMaintenance>();
        services.AddScoped<AuditedSignIn>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();

        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(ResolveConnectionString(sp, provider));
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));

        // Readiness (/health, ADR 0061): the database, Hangfire's servers, the clock's heartbeat, free disk.
        services.AddOptions<HealthOptions>()
            .BindConfiguration(HealthOptions.SectionName)
            .Validate(o => o.MinimumFreeDiskMegabytes >= 0, "健康检查配置错误：Health:MinimumFreeDiskMegabytes 不得为负数。")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<HangfireHealthCheck>("hangfire")
            .AddCheck<ClockHealthCheck>(ClockHealthCheck.Name)
            .AddCheck<FileStoreHealthCheck>(FileStoreHealthCheck.Name)
            .AddCheck<DiskSpaceHealthCheck>(DiskSpaceHealthCheck.Name);

        // The application's counters, on this host's own meter (exported by the web host).
        services.AddMetrics();
        services.AddSingleton<TitleReviewMeter>();

        return services;
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration) =>
        (configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider;

    private static string ResolveConnectionString(IServiceProvider services, DatabaseProvider provider)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return provider == DatabaseProvider.Sqlite
            ? $"Data Source={services.GetRequiredService<StoragePaths>().SqliteDatabaseFile}"
            : throw new InvalidOperationException(
                $"Database:Provider is SqlServer but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
    }
}

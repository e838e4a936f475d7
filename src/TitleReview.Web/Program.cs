using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Events;
using TitleReview.Application;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Calendars;
using TitleReview.Infrastructure;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Jobs;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Api;
using TitleReview.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Console and file are written by a background worker, not by the request that logs: a
// request line per page otherwise costs each request a console write and a file flush.
// The queue blocks rather than drops when full, and is flushed when the host stops.
// Outside Development the console writes JSON lines for a log collector (ADR 0061).
builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Async(
        sinks =>
        {
            StructuredLogging.WriteToConsole(sinks, context.HostingEnvironment);
            sinks.File(
                Path.Combine(services.GetRequiredService<StoragePaths>().LogsFolder, "titlereview-.log"),
                outputTemplate: StructuredLogging.TextTemplate,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                buffered: true,
                flushToDiskInterval: LogFlushInterval);
        },
        blockWhenFull: true));

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWebHosting(builder.Environment);
builder.Services.AddAccountSecurity();
builder.Services.AddOperationsMetrics();

var app = builder.Build();

// The audit trail's command line (ADR 0053): verify or archive, then exit without serving.
if (AuditCommandLine.Handles(args))
{
    Environment.ExitCode = await AuditCommandLine.RunAsync(app.Services, args, Console.Out);
    return;
}

// Backup and restore of the embedded default (ADR 0060): done before the database is touched, then exit.
if (BackupCommandLine.Handles(args))
{
    Environment.ExitCode = await BackupCommandLine.RunAsync(app.Services, args, Console.Out);
    return;
}

// The one-shot preparation of the database before a cluster's instances start (ADR 0058).
if (MigrateCommandLine.Handles(args))
{
    Environment.ExitCode = await MigrateCommandLine.RunAsync(app.Services, Console.Out);
    return;
}

// One instance per SQLite data folder; more are refused here, before anything is touched.
var instanceLock = app.Services.GetRequiredService<SingleInstanceLock>();
instanceLock.Acquire();
try
{
    using var scope = app.Services.CreateScope();

    // Fail fast: a broken calendar file or database stops start-up with a message naming it.
    scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
    scope.ServiceProvider.GetRequiredService<IWorkflowDefinitions>();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}
catch
{
    // The folder is free again for the instance started once the cause is fixed.
    instanceLock.Dispose();
    throw;
}

app.Services.ScheduleRecurringJobs(app.Configuration);

app.UseForwardedHeaders(ProxyTrust.ForwardedHeadersOptions(app.Configuration));
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();

// Before the request log and the exception handler: both, and every line between, carry the id (ADR 0061).
app.UseCorrelationId();

// Outside the exception handler and status code pages, so the log records the status actually
// sent: refusals (404, 409, validation) at Information, server errors at Error. The lines go
// through this host's own logger, not the static one (which the last host built replaces).
app.UseSerilogRequestLogging(options =>
{
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} by {UserName} responded {StatusCode} in {Elapsed:0.0} ms";
    options.GetLevel = (context, _, exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error : LogEventLevel.Information;
    options.EnrichDiagnosticContext = (diagnostics, context) =>
        diagnostics.Set("UserName", context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "-");
});

// Requests and latencies by route template, into this host's own metrics registry, once per
// request with the status sent: outside the exception handler and the status code pages (ADR 0061).
app.UseOperationsMetrics();

// Exceptions ApiExceptionHandler turns into answers are not logged as errors (ASP.NET Core 10
// suppresses the middleware's diagnostics when an IExceptionHandler handles the exception);
// the handler logs the unexpected ones itself.
app.UseExceptionHandler("/Error");
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/files"),
    api => api.UseStatusCodePages(ApiExceptionHandler.WriteStatusAsync));
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/files"),
    pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
app.UseRequestTargetLimit();
app.UseCrossSiteRequestGuard();
app.UseStaticFiles();
app.UseRouting();
app.UseOperationsMetricsRoute();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuditContext();
app.UseInspection();
app.UseAuthorization();
app.UseAntiforgery();

app.MapRazorPages();
app.MapApi();
app.MapBulkOperationApi();
app.MapUnitApi();
app.MapApplicantApi();
app.MapDossierApi();
app.MapSupplementApi();
app.MapPublicityApi();
app.MapFeesApi();
app.MapIntegrityApi();
app.MapAccountApi();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapOperationsMetrics();
app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Office, SiteUrls.HangfireDashboardPath, new DashboardOptions
{
    DashboardTitle = "TitleReview 后台任务",
    AppPath = "/",
    DisplayStorageConnectionString = false,

    // The inspector reads the jobs but sees no button (their posts are refused anyway, ADR 52).
    IsReadOnlyFunc = context => Inspection.IsInspector(Hangfire.Dashboard.AspNetCoreDashboardContextExtensions.GetHttpContext(context).User),
});

await app.RunAsync();

/// <summary>The entry point, visible to the web tests' factory.</summary>
public partial class Program
{
    /// <summary>At most this much of the file log is lost if the process dies without stopping.</summary>
    private static readonly TimeSpan LogFlushInterval = TimeSpan.FromSeconds(1);
}

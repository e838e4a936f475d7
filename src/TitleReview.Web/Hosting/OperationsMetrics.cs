using System.Globalization;
using Prometheus;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Operations;
using TitleReview.Infrastructure.Operations;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The metrics in Prometheus's text format (ADR 0061), all in this host's own registry: tests run
/// many hosts in one process, so nothing goes to prometheus-net's static default registry.
/// <list type="bullet">
/// <item>requests and latencies (<c>http_requests_received_total</c>, <c>http_request_duration_seconds</c>),
/// labelled by the route template, never the raw path;</item>
/// <item>this instance's clock runs and fired timers, counted on the Infrastructure's meter and read
/// through prometheus-net's meter adapter (<c>titlereview_workflow_clock_runs</c>,
/// <c>titlereview_workflow_timers_fired</c>);</item>
/// <item>at each scrape, through one Application query: the timers due now
/// (<c>titlereview_workflow_timers_due</c>) and the open incidents (<c>titlereview_workflow_incidents_open</c>);
/// and from the clock's heartbeat in the job storage, when the cluster's clock last finished
/// (<c>titlereview_workflow_clock_last_run_timestamp_seconds</c>).</item>
/// </list>
/// </summary>
internal sealed class OperationsMetrics : IDisposable
{
    public const string Path = "/metrics";

    /// <summary>Configuration key: when set, <see cref="Path"/> is served on this port only, without sign-in.</summary>
    public const string PortKey = "Metrics:Port";

    /// <summary>
    /// The meter adapter drops a series not updated for this long; the clock counts every minute,
    /// so only a stopped clock lets its series lapse (and a stopped clock is the health check's to report).
    /// </summary>
    private static readonly TimeSpan SeriesExpireAfter = TimeSpan.FromDays(1);

    private readonly IDisposable _meterAdapter;

    public OperationsMetrics(TitleReviewMeter meter, ClockHeartbeat heartbeat, IServiceScopeFactory scopes)
    {
        Registry = Metrics.NewCustomRegistry();
        Factory = Metrics.WithCustomRegistry(Registry);
        var timersDue = Factory.CreateGauge("titlereview_workflow_timers_due", "Workflow timers due now and not yet fired (whole system).");
        var incidentsOpen = Factory.CreateGauge("titlereview_workflow_incidents_open", "Workflow incidents not yet resolved (whole system).");
        var lastRun = Factory.CreateGauge(
            "titlereview_workflow_clock_last_run_timestamp_seconds",
            "When the workflow clock last finished a run on any instance (Unix time); absent until it has.",
            new GaugeConfiguration { SuppressInitialValue = true });

        // Read at scrape time only: a page request never pays for it.
        Registry.AddBeforeCollectCallback(async cancellationToken =>
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var snapshot = await scope.ServiceProvider.GetRequiredService<IHandler<GetOperationsSnapshot, OperationsSnapshot>>()
                    .HandleAsync(new GetOperationsSnapshot(GetOperationsSnapshot.MetricsActor), cancellationToken);
                timersDue.Set(snapshot.TimersDue);
                incidentsOpen.Set(snapshot.IncidentsOpen);
            }

            if (heartbeat.LastRun() is { } run)
            {
                lastRun.Set(run.FinishedAt.ToUnixTimeMilliseconds() / 1000.0);
            }
        });

        // This host's meter only: another host's meter of the same name is another host's business.
        // The factory is named as well as the registry: the options' default factory is the static one.
        _meterAdapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            MetricFactory = Factory,
            InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter, meter.Meter),
            MetricsExpireAfter = SeriesExpireAfter,
        });
    }

    public CollectorRegistry Registry { get; }

    public IMetricFactory Factory { get; }

    /// <summary>The separate port, when <see cref="PortKey"/> is set.</summary>
    public static int? SeparatePort(IConfiguration configuration)
    {
        var configured = configuration[PortKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= ushort.MaxValue
            ? port
            : throw new InvalidOperationException($"监控指标配置错误：{PortKey} 须为 1 至 65535 之间的端口号（当前为“{configured}”）。");
    }

    public void Dispose() => _meterAdapter.Dispose();
}

/// <summary>Serves the metrics on their own port (<c>Metrics:Port</c>): a second, bare Kestrel server that answers <c>/metrics</c> and nothing else.</summary>
internal sealed class MetricsPortServer(OperationsMetrics metrics, IConfiguration configuration, ILogger<MetricsPortServer> logger) : IHostedService, IDisposable
{
    private IMetricServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (OperationsMetrics.SeparatePort(configuration) is not { } port)
        {
            return Task.CompletedTask;
        }

        _server = new KestrelMetricServer(port, OperationsMetrics.Path, metrics.Registry).Start();
        logger.LogInformation("Metrics are served on port {Port} at {Path}", port, OperationsMetrics.Path);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            _server = null;
        }
    }

    public void Dispose() => _server?.Dispose();
}

internal static class OperationsMetricsExtensions
{
    /// <summary>The port is read from the final configuration when the host starts (a test host's settings apply).</summary>
    public static IServiceCollection AddOperationsMetrics(this IServiceCollection services)
    {
        services.AddSingleton<OperationsMetrics>();
        services.AddHostedService<MetricsPortServer>();
        return services;
    }

    /// <summary>
    /// Counts and times every request once, with the status actually sent: outside the exception
    /// handler and the status code pages, whose re-execution of the pipeline (the error page) would
    /// otherwise count a failed request twice, the first time with the status it had not yet got.
    /// The labels are those of the endpoint the request first matched (see <see cref="UseOperationsMetricsRoute"/>),
    /// put back once the pipeline has unwound, so a failure is counted under its own route, not the error page's.
    /// </summary>
    public static IApplicationBuilder UseOperationsMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<OperationsMetrics>();
        app.UseHttpMetrics(options => options.SetMetricFactory(metrics.Factory));
        return app.Use(async (context, next) =>
        {
            await next();
            if (context.Features.Get<FirstMatchedRoute>() is { } first)
            {
                context.SetEndpoint(first.Endpoint);
                context.Request.RouteValues = first.Values;
            }
        });
    }

    /// <summary>Right after routing: remembers the endpoint and route values the request matched first.</summary>
    public static IApplicationBuilder UseOperationsMetricsRoute(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<FirstMatchedRoute>() is null)
            {
                context.Features.Set(new FirstMatchedRoute(context.GetEndpoint(), new RouteValueDictionary(context.Request.RouteValues)));
            }

            await next();
        });

    /// <summary>
    /// <see cref="OperationsMetrics.Path"/> on the main port for the office's readers, unless a
    /// separate port serves it (then the main port answers it with 404).
    /// </summary>
    public static void MapOperationsMetrics(this WebApplication app)
    {
        if (OperationsMetrics.SeparatePort(app.Configuration) is not null)
        {
            return;
        }

        var metrics = app.Services.GetRequiredService<OperationsMetrics>();
        app.MapMetrics(settings => settings.Registry = metrics.Registry, OperationsMetrics.Path).RequireAuthorization(Policies.Office);
    }
}

/// <summary>The endpoint a request matched before any re-execution (null when none matched).</summary>
internal sealed record FirstMatchedRoute(Endpoint? Endpoint, RouteValueDictionary Values);

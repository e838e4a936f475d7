using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Operations;

/// <summary>/metrics in Prometheus's text format, for the office's readers or on a port of its own (ADR 0061).</summary>
public class MetricsTests
{
    private static readonly DateTimeOffset Start = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 9, 0, 0));

    private FakeTimeProvider _clock = null!;
    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _clock = new FakeTimeProvider(Start);
        _factory = HealthTests.ClockOnFactory(_clock);
        _office = await SignedInClientAsync(_factory, "office");
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _office.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await anonymous.GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [TestCase("applicant1")]
    [TestCase("auditor1")]
    public async Task NotTheOffice_IsRefused(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
    }

    [TestCase("office")]
    [TestCase("inspector1")]
    public async Task OfficeReaders_GetTheTextFormat_WithEveryMetric(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);
        await HealthTests.RunClockAsync(_factory);

        var response = await client.GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("http_requests_received_total")
            .And.Contain("http_request_duration_seconds")
            .And.Contain("titlereview_workflow_clock_runs")
            .And.Contain("titlereview_workflow_timers_fired")
            .And.Contain("titlereview_workflow_timers_due")
            .And.Contain("titlereview_workflow_incidents_open")
            .And.Contain("titlereview_workflow_clock_last_run_timestamp_seconds");
    }

    [Test]
    public async Task Requests_AreCountedByRouteTemplate_NotByRawPath()
    {
        var id = Guid.NewGuid();
        var before = PrometheusText.Sum(await ScrapeAsync(), "http_requests_received_total", "code=\"404\"", "instances/{id:guid}") ?? 0;

        (await _office.GetAsync($"/api/workflows/instances/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _office.GetAsync($"/api/workflows/instances/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var text = await ScrapeAsync();
        PrometheusText.Sum(text, "http_requests_received_total", "code=\"404\"", "instances/{id:guid}").Should().Be(before + 2);
        text.Should().NotContain(id.ToString(), "a label is the route's template, never the path a user asked for");
    }

    [Test]
    public async Task PageNotFound_IsCountedOnce_ThoughTheErrorPageReExecutesThePipeline()
    {
        var before = PrometheusText.Sum(await ScrapeAsync(), "http_requests_received_total", "code=\"404\"", "method=\"GET\"") ?? 0;

        (await _office.GetAsync("/no-such-page")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        PrometheusText.Sum(await ScrapeAsync(), "http_requests_received_total", "code=\"404\"", "method=\"GET\"").Should().Be(before + 1);
    }

    [Test]
    public async Task PageRequest_RaisesTheRequestCounter()
    {
        var before = PrometheusText.Sum(await ScrapeAsync(), "http_requests_received_total", "code=\"200\"", "method=\"GET\"") ?? 0;

        (await _office.GetAsync("/Office/Calendar")).StatusCode.Should().Be(HttpStatusCode.OK);

        PrometheusText.Sum(await ScrapeAsync(), "http_requests_received_total", "code=\"200\"", "method=\"GET\"").Should().BeGreaterThan(before);
    }

    [Test]
    public async Task ClockRun_RaisesTheRunCounter_AndSetsTheLastRunTime()
    {
        await HealthTests.RunClockAsync(_factory);
        var before = PrometheusText.Sum(await ScrapeAsync(), "titlereview_workflow_clock_runs") ?? 0;
        _clock.Advance(TimeSpan.FromMinutes(1));

        await HealthTests.RunClockAsync(_factory);

        var text = await ScrapeAsync();
        PrometheusText.Sum(text, "titlereview_workflow_clock_runs").Should().Be(before + 1);
        PrometheusText.Sum(text, "titlereview_workflow_clock_last_run_timestamp_seconds").Should().Be(_clock.GetUtcNow().ToUnixTimeSeconds());
    }

    [Test]
    public async Task Gauges_ShowTheTimersDueNow_AndTheOpenIncidents()
    {
        // A host of its own: the other tests run the clock, which would fire the seeded timers.
        var clock = new FakeTimeProvider(Start);
        using var factory = new TitleReviewFactory(clock: clock);
        var office = await SignedInClientAsync(factory, "office");
        var before = await ScrapeAsync(office);
        var dueBefore = PrometheusText.Sum(before, "titlereview_workflow_timers_due")!.Value;
        var openBefore = PrometheusText.Sum(before, "titlereview_workflow_incidents_open")!.Value;

        await SeedAsync(factory, clock.GetUtcNow(), dueNow: 2, dueLater: 1, incidentsOpen: 1, incidentsResolved: 1);

        var after = await ScrapeAsync(office);
        PrometheusText.Sum(after, "titlereview_workflow_timers_due").Should().Be(dueBefore + 2);
        PrometheusText.Sum(after, "titlereview_workflow_incidents_open").Should().Be(openBefore + 1);

        clock.Advance(TimeSpan.FromMinutes(15));
        PrometheusText.Sum(await ScrapeAsync(office), "titlereview_workflow_timers_due").Should().Be(dueBefore + 3, "the later timer is due by now");
    }

    [Test]
    public async Task SeparatePort_ServesTheMetricsWithoutSignIn_AndTheMainPortAnswers404()
    {
        var port = FreePort();
        using var factory = HealthTests.ClockOnFactory(new FakeTimeProvider(Start), new Dictionary<string, string?> { ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var office = await SignedInClientAsync(factory, "office");

        (await office.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var prometheus = new HttpClient();
        var response = await prometheus.GetAsync($"http://127.0.0.1:{port}/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("titlereview_workflow_timers_due").And.Contain("http_requests_received_total");
    }

    private Task<string> ScrapeAsync() => ScrapeAsync(_office);

    private static async Task<string> ScrapeAsync(HttpClient office)
    {
        var response = await office.GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task SeedAsync(TitleReviewFactory factory, DateTimeOffset now, int dueNow, int dueLater, int incidentsOpen, int incidentsResolved)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instance = WorkflowInstance.Start(Guid.NewGuid(), "metrics-test", 1, "waiting", new WorkflowSubject("MetricsTest", Guid.NewGuid(), "监控指标测试"), now);
        db.WorkflowInstances.Add(instance);
        for (var i = 0; i < dueNow; i++)
        {
            db.WorkflowBookmarks.Add(WorkflowBookmark.Create(instance.Id, "waiting", "expire", "1d after entered", now.AddMinutes(-1 - i), now.AddDays(-1)));
        }

        for (var i = 0; i < dueLater; i++)
        {
            db.WorkflowBookmarks.Add(WorkflowBookmark.Create(instance.Id, "waiting", "expire", "1d after entered", now.AddMinutes(10), now));
        }

        for (var i = 0; i < incidentsOpen + incidentsResolved; i++)
        {
            var incident = WorkflowIncident.Open(instance.Id, null, "expire", "测试异常", now);
            if (i >= incidentsOpen)
            {
                incident.Resolve("测试", now);
            }

            db.WorkflowIncidents.Add(incident);
        }

        await db.SaveChangesAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

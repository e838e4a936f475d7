using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using TitleReview.Domain.Time;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>The request log records the status actually sent; refusals are not errors.</summary>
public class RequestLogTests
{
    private readonly CapturingSink _sink = new();
    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;
    private int _year;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(
            settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" },
            services: s => s.AddSingleton<ILogEventSink>(_sink));
        _office = await SignedInClientAsync(_factory, "office");
        _year = BeijingTime.Today(TimeProvider.System).Year;
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [SetUp]
    public void Clear() => _sink.Events.Clear();

    [Test]
    public async Task ApiRouteNotFound_IsLoggedAs404_AtInformation()
    {
        var response = await _office.GetAsync("/api/no-such-thing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await AssertLoggedAsync("GET", "/api/no-such-thing", 404);
    }

    [Test]
    public async Task RecordNotFound_IsLoggedAs404_AtInformation()
    {
        var path = $"/api/workflows/instances/{Guid.NewGuid()}";

        var response = await _office.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await AssertLoggedAsync("GET", path, 404);
    }

    [Test]
    public async Task ValidationRefusal_IsLoggedAs400_AtInformation()
    {
        var path = $"/api/campaigns/{_year}/stages/filing";

        var response = await _office.PutAsJsonAsync(path, new { opensAt = "明天", lastSecond = "后天" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertLoggedAsync("PUT", path, 400);
    }

    [Test]
    public async Task UnreadableJson_IsLoggedAs400_AtInformation()
    {
        var path = $"/api/campaigns/{_year}/stages/filing";

        var response = await _office.PutAsync(path, new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertLoggedAsync("PUT", path, 400);
    }

    [Test]
    public async Task PageNotFound_IsLoggedAs404_AtInformation()
    {
        var response = await _office.GetAsync("/no-such-page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await AssertLoggedAsync("GET", "/no-such-page", 404);
    }

    [Test]
    public async Task PageValidationRefusal_IsLoggedAs200_AtInformation()
    {
        var path = "/Office/Campaigns/Timeline";
        var page = await _office.GetStringAsync($"{path}?year={_year}");
        _sink.Events.Clear();

        var response = await _office.PostAsync($"{path}?year={_year}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["StageKey"] = "filing",
            ["OpensAt"] = $"{_year}-08-10T00:00:00",
            ["ClosesAt"] = $"{_year}-08-01T23:59:59",
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the page shows the message next to the form");
        (await response.Content.ReadAsStringAsync()).Should().Contain("结束时间必须晚于开始时间。");
        await AssertLoggedAsync("POST", path, 200);
    }

    /// <summary>
    /// The request log is written when the middleware's pipeline unwinds, which the test server may
    /// do just after the client has the response; the check waits for that line (at most 10 s).
    /// </summary>
    private async Task AssertLoggedAsync(string method, string path, int status)
    {
        bool IsTheRequest(LogEvent e) =>
            e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)
            && Scalar(e, "RequestMethod") as string == method
            && Scalar(e, "RequestPath") as string == path;
        await _sink.WaitForAsync(IsTheRequest, TimeSpan.FromSeconds(10));
        var requests = _sink.Events.Where(IsTheRequest).ToList();
        requests.Should().ContainSingle($"{method} {path} is logged once");
        Scalar(requests[0], "StatusCode").Should().Be(status);
        requests[0].Level.Should().Be(LogEventLevel.Information);
        requests[0].Exception.Should().BeNull();
        _sink.Events.Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => e.RenderMessage(null))
            .Should().BeEmpty("a refusal is not a server error");
    }

    private static object? Scalar(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value : null;

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        private readonly SemaphoreSlim _emitted = new(0);

        public void Emit(LogEvent logEvent)
        {
            Events.Enqueue(logEvent);
            _emitted.Release();
        }

        public async Task WaitForAsync(Func<LogEvent, bool> match, TimeSpan timeout)
        {
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                while (!Events.Any(match))
                {
                    await _emitted.WaitAsync(limit.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The assertion that follows names what is missing.
            }
        }
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetOfficeHome;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Operations;

/// <summary>One correlation id per request: on the answer, on every log line of the request, on the error page (ADR 0061).</summary>
public partial class CorrelationIdTests
{
    private const string Header = "X-Request-ID";

    private readonly CapturingLogSink _sink = new();
    private TitleReviewFactory _factory = null!;
    private HttpClient _anonymous = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory(services: s =>
        {
            s.AddSingleton<ILogEventSink>(_sink);

            // The office's home page fails as a bug would: the server error the page must survive.
            s.AddScoped<IHandler<GetOfficeHome, OfficeHome>, FailingOfficeHome>();
        });
        _anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _anonymous.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task IncomingId_ComesBackOnTheAnswer_AndOnTheRequestsLogLine()
    {
        var id = "nginx-" + Guid.NewGuid().ToString("N");

        var response = await SendAsync("/alive", id);

        response.Headers.GetValues(Header).Should().Equal(id);
        var lines = await _sink.WaitForAsync(e => IsRequestLine(e, "/alive") && CapturingLogSink.Scalar(e, "CorrelationId") == id);
        lines.Should().ContainSingle("the request's log line carries the id the proxy gave");
    }

    [Test]
    public async Task NoIncomingId_ANewOneIsMade()
    {
        var response = await _anonymous.GetAsync("/alive");

        var id = response.Headers.GetValues(Header).Single();
        NewId().IsMatch(id).Should().BeTrue($"“{id}” is a new id of 32 hex digits");
        (await _sink.WaitForAsync(e => IsRequestLine(e, "/alive") && CapturingLogSink.Scalar(e, "CorrelationId") == id)).Should().ContainSingle();
    }

    [TestCase("has space")]
    [TestCase("<script>alert(1)</script>")]
    [TestCase("semi;colon")]
    [TestCase("a,b")]
    public async Task BadIncomingId_IsReplaced(string bad)
    {
        var response = await SendAsync("/alive", bad);

        var id = response.Headers.GetValues(Header).Single();
        id.Should().NotBe(bad);
        NewId().IsMatch(id).Should().BeTrue();
    }

    [Test]
    public async Task OverlongIncomingId_IsReplaced()
    {
        var overlong = new string('a', 65);

        var response = await SendAsync("/alive", overlong);

        response.Headers.GetValues(Header).Single().Should().NotBe(overlong).And.MatchRegex("^[0-9a-f]{32}$");
        (await SendAsync("/alive", new string('a', 64))).Headers.GetValues(Header).Should().Equal(new string('a', 64));
    }

    [Test]
    public async Task ServerError_ThePageShowsTheIdTheLogCarries()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Office");
        request.Headers.Add(Header, id);

        var response = await office.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.GetValues(Header).Should().Equal(id);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("系统出错了").And.Contain($"<code>{id}</code>");
        var errors = await _sink.WaitForAsync(e => IsRequestLine(e, "/Office") && CapturingLogSink.Scalar(e, "CorrelationId") == id);
        errors.Should().ContainSingle("the operator finds the user's number in the log");
        errors[0].Level.Should().Be(LogEventLevel.Error);
        var failures = _sink.Events.Where(e => e.Exception is InvalidOperationException { Message: FailingOfficeHome.Failure }).ToList();
        failures.Should().Contain(e => CapturingLogSink.Scalar(e, "CorrelationId") == id, "the exception's own line carries the id too")
            .And.OnlyContain(e => CapturingLogSink.Scalar(e, "CorrelationId") != null);
    }

    [Test]
    public async Task ServerError_IsCountedOnceInTheMetrics_As500_UnderItsOwnPage()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var before = PrometheusText.Sum(await office.GetStringAsync("/metrics"), "http_requests_received_total", "code=\"500\"", "page=\"/Office/Index\"") ?? 0;

        (await office.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);

        var text = await office.GetStringAsync("/metrics");
        PrometheusText.Sum(text, "http_requests_received_total", "code=\"500\"", "page=\"/Office/Index\"").Should().Be(before + 1);
        PrometheusText.Sum(text, "http_requests_received_total", "page=\"/Error\"").Should().BeNull("the error page a failure re-executes is not a request of its own");
    }

    [Test]
    public async Task ApiRefusal_CarriesTheIdInItsProblemDetails()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync($"/api/workflows/instances/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("requestId").GetString().Should().Be(response.Headers.GetValues(Header).Single());
    }

    [Test]
    public async Task ClientError_ShowsNoId()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/no-such-page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("请提供编号");
        response.Headers.Contains(Header).Should().BeTrue();
    }

    [Test]
    public void Console_OutsideDevelopment_WritesOneJsonObjectPerLine()
    {
        var id = Guid.NewGuid().ToString("N");
        using var output = new StringWriter();
        var formatter = new Serilog.Formatting.Compact.CompactJsonFormatter();
        var logEvent = new LogEvent(
            DateTimeOffset.UtcNow,
            LogEventLevel.Information,
            null,
            new Serilog.Parsing.MessageTemplateParser().Parse("HTTP {RequestMethod} {RequestPath}"),
            [new LogEventProperty("RequestMethod", new ScalarValue("GET")), new LogEventProperty("RequestPath", new ScalarValue("/alive")), new LogEventProperty("CorrelationId", new ScalarValue(id))]);

        formatter.Format(logEvent, output);

        Web.Hosting.StructuredLogging.ConsoleWritesJson(new FakeEnvironment("Production")).Should().BeTrue();
        Web.Hosting.StructuredLogging.ConsoleWritesJson(new FakeEnvironment("Development")).Should().BeFalse();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        using var json = JsonDocument.Parse(lines[0]);
        json.RootElement.GetProperty("CorrelationId").GetString().Should().Be(id);
        json.RootElement.GetProperty("@mt").GetString().Should().StartWith("HTTP ");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(Header, id);
        return await _anonymous.SendAsync(request);
    }

    private static bool IsRequestLine(LogEvent e, string path) =>
        e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)
        && CapturingLogSink.Scalar(e, "RequestPath") == path;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex NewId();

    private sealed class FailingOfficeHome : IHandler<GetOfficeHome, OfficeHome>
    {
        public const string Failure = "The office's home failed (a test's forced server error).";

        public Task<OfficeHome> HandleAsync(GetOfficeHome request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Failure);
    }

    private sealed class FakeEnvironment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "TitleReview.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

using System.Net;
using System.Text.Json;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Hosting;

public class HostingTests
{
    private TitleReviewFactory _factory = null!;
    private HttpClient _anonymous = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory();
        _anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _anonymous.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Health_ReportsDatabaseHangfireClockFileStoreAndDisk()
    {
        var response = await _anonymous.GetAsync("/health");

        // The test hosts switch the workflow clock off, which the clock check reports as Degraded (ADR 0061).
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("Degraded");
        json.RootElement.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString()))
            .Should().BeEquivalentTo([("database", "Healthy"), ("hangfire", "Healthy"), ("clock", "Degraded"), ("file-store", "Healthy"), ("disk", "Healthy")]);
    }

    [Test]
    public async Task Health_FromAnotherMachineWithoutSignIn_ShowsStatusesButNoDetails()
    {
        // Through the proxy: the caller's own address, not this machine's.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await _anonymous.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("checks").EnumerateArray()
            .Should().HaveCount(5).And.OnlyContain(c => c.GetProperty("description").ValueKind == JsonValueKind.Null);
        body.Should().NotContain(_factory.DataFolder, "folders, buckets and free space are for the operator");
    }

    [Test]
    public async Task Health_OnThisMachine_DescribesEachCheck()
    {
        var response = await _anonymous.GetAsync("/health");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "disk").GetProperty("description").GetString()
            .Should().Contain("MB");
    }

    [Test]
    public async Task Alive_AnswersWithoutChecks()
    {
        (await _anonymous.GetAsync("/alive")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var json = await _anonymous.GetStringAsync("/openapi/v1.json");

        json.Should().Contain("\"/api/me\"").And.Contain("\"/api/office/audit-log\"").And.Contain("\"/api/calendar/working-days\"");
    }

    [Test]
    public async Task HangfireDashboard_WhenAnonymous_RedirectsToLogin()
    {
        var response = await _anonymous.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [TestCase("applicant1")]
    [TestCase("auditor1")]
    [TestCase("expert1")]
    public async Task HangfireDashboard_WhenNotOffice_IsForbidden(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync("/hangfire");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        var denied = await client.GetAsync(response.Headers.Location);
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).Should().Contain("无权访问");
    }

    [Test]
    public async Task HangfireDashboard_WhenOffice_IsShown()
    {
        var client = await SignedInClientAsync(_factory, "office");

        var response = await client.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("TitleReview 后台任务");
    }

    [TestCase("applicant1", "/Office")]
    [TestCase("applicant1", "/Auditor")]
    [TestCase("auditor1", "/Applicant")]
    [TestCase("office", "/Expert")]
    public async Task RoleHome_OfAnotherRole_IsForbidden(string userName, string path)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync(path);

        response.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
    }

    [Test]
    public async Task UnknownPage_ShowsChineseNotFound()
    {
        var client = await SignedInClientAsync(_factory, "office");

        var response = await client.GetAsync("/no-such-page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("页面不存在");
    }

    [Test]
    public async Task Requests_AreLoggedToARollingFileInTheDataFolder()
    {
        await _anonymous.GetAsync("/alive");

        var logs = Directory.GetFiles(Path.Combine(_factory.DataFolder, "logs"), "titlereview-*.log");
        logs.Should().NotBeEmpty();
        var text = string.Join("\n", logs.Select(ReadShared));
        text.Should().Contain("HTTP GET /alive by - responded 200");
    }

    [Test]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await _anonymous.GetAsync("/Account/Login");

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System.Net;
using System.Text.Json;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Api;

public class ApiTests
{
    private TitleReviewFactory _factory = null!;

    [OneTimeSetUp]
    public void SetUp() => _factory = new TitleReviewFactory();

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Me_WhenAnonymous_Is401NotARedirect()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Me_WhenSignedIn_ReturnsNameRoleAndUnit()
    {
        var client = await SignedInClientAsync(_factory, "auditor1");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/me"));

        json.RootElement.GetProperty("displayName").GetString().Should().Be("王敏");
        json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Auditor");
        json.RootElement.GetProperty("unitName").GetString().Should().Be("黔南能源集团有限公司");
    }

    [Test]
    public async Task AuditLog_WhenNotOffice_Is403()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");

        (await client.GetAsync("/api/office/audit-log")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AuditLog_WhenOffice_ListsSignIns()
    {
        var client = await SignedInClientAsync(_factory, "office");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/office/audit-log?actor=office&action=LoginSucceeded"));

        json.RootElement.GetProperty("totalCount").GetInt32().Should().BeGreaterThan(0);
        json.RootElement.GetProperty("items")[0].GetProperty("action").GetString().Should().Be("LoginSucceeded");
    }

    [Test]
    public async Task WorkingDays_AcrossNationalDay2023()
    {
        var client = await SignedInClientAsync(_factory, "office");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/working-days?start=2023-09-27&days=5"));

        json.RootElement.GetProperty("addedEnd").GetString().Should().Be("2023-10-10");
        json.RootElement.GetProperty("periodEnd").GetString().Should().Be("2023-10-09");
    }

    [Test]
    public async Task WorkingDays_WithBadInput_Is400WithChineseFieldMessages()
    {
        var client = await SignedInClientAsync(_factory, "office");

        var response = await client.GetAsync("/api/calendar/working-days?start=2023/09/27&days=0");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        errors.GetProperty("start")[0].GetString().Should().Contain("yyyy-MM-dd");
        errors.GetProperty("days")[0].GetString().Should().Contain("1 到 366");
    }

    [Test]
    public async Task WorkingDays_IntoAYearWithoutCalendar_Is409WithTheReason()
    {
        var client = await SignedInClientAsync(_factory, "office");

        var response = await client.GetAsync("/api/calendar/working-days?start=2026-12-30&days=5");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("detail").GetString().Should().Contain("2027 年");
    }

    [Test]
    public async Task UnknownApi_Is404ProblemDetails()
    {
        var client = await SignedInClientAsync(_factory, "office");

        var response = await client.GetAsync("/api/no-such-thing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

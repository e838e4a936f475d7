using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>Per-address rate limits with the real defaults; addresses are simulated with X-Forwarded-For.</summary>
public class RateLimitTests
{
    private TitleReviewFactory _factory = null!;

    [SetUp]
    public void SetUp() => _factory = new TitleReviewFactory(rateLimits: true);

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task RapidFailedSignIns_Get429BeforeTheAccountIsLocked_AndAnotherAddressIsUnaffected()
    {
        var attacker = ClientFrom("203.0.113.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await PostLoginAsync(attacker, "applicant2", "Wrong#Pass1")).StatusCode);
        }

        statuses.Should().Contain(HttpStatusCode.TooManyRequests);
        statuses.Count(s => s != HttpStatusCode.TooManyRequests).Should().BeLessThan(InfrastructureLockout(), "the address is slowed before the account locks");
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByNameAsync("applicant2"))!;
            (await users.IsLockedOutAsync(account)).Should().BeFalse();
            (await users.GetAccessFailedCountAsync(account)).Should().BeLessThan(InfrastructureLockout());
        }

        var colleague = ClientFrom("198.51.100.20");
        var response = await PostLoginAsync(colleague, "applicant2", DemoAccounts.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "another address signs in to the same, unlocked account");
    }

    [Test]
    public async Task RefusedSignIn_IsAReadableChinesePage_WithRetryAfter()
    {
        var client = ClientFrom("203.0.113.8");
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await PostLoginAsync(client, "nobody", "Whatever#1");
            attempts++;
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && attempts < 10);

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        attempts.Should().Be(5, "four attempts a minute are allowed");
        response.Headers.RetryAfter!.Delta.Should().BePositive();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("操作过于频繁");
    }

    [Test]
    public async Task OpeningTheSignInPage_DoesNotUseTheBudget()
    {
        var client = ClientFrom("203.0.113.9");
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/Account/Login")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await PostLoginAsync(client, "office", DemoAccounts.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task ApiRegistrationOverTheLimit_IsAChinese429Problem()
    {
        var client = ClientFrom("203.0.113.10");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await client.PostAsJsonAsync("/api/applicants", new { });
            statuses.Add(last.StatusCode);
        }

        statuses.Take(5).Should().NotContain(HttpStatusCode.TooManyRequests);
        last.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter!.Delta.Should().BePositive();
        last.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("请求过于频繁");
    }

    [Test]
    public async Task PublicLookups_AreLimitedPerAddress()
    {
        var client = ClientFrom("203.0.113.11");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/units/registrations/lookup", new { accessToken = "X" })).StatusCode);
        }

        statuses.Take(30).Should().NotContain(HttpStatusCode.TooManyRequests);
        statuses[30].Should().Be(HttpStatusCode.TooManyRequests);
        (await ClientFrom("203.0.113.12").GetAsync("/Units/Status")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/Verify")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the look-up pages and API share one budget per address");
    }

    [Test]
    public async Task Limits_FollowTheRateLimitsSettings()
    {
        using var factory = new TitleReviewFactory(rateLimits: true, settings: new Dictionary<string, string?> { ["RateLimits:Lookup:PermitLimit"] = "2" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.13");

        (await client.GetAsync("/Verify")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/Verify")).StatusCode.Should().Be(HttpStatusCode.OK);
        var third = await client.GetAsync("/Verify");

        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await third.Content.ReadAsStringAsync()).Should().Contain("操作过于频繁");
    }

    private static int InfrastructureLockout() => DependencyInjection.MaxFailedAccessAttempts;

    private HttpClient ClientFrom(string address)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>A cookie-authenticated API change must come from the site's own pages.</summary>
public class CrossSiteRequestTests
{
    private const string Harmless = "/api/workflows/clock/run";

    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory();
        _office = await SignedInClientAsync(_factory, "office");
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [TestCase("https://evil.example", TestName = "CrossOriginPost_WithTheAuthCookie_IsRefused")]
    [TestCase("https://localhost:8443", TestName = "PostFromAnotherPortOfTheSameHost_IsRefused")]
    [TestCase("http://localhost", TestName = "PostFromThePlainHttpOrigin_IsRefused")]
    [TestCase("null", TestName = "PostFromAnOpaqueOrigin_IsRefused")]
    public async Task ForeignOrigin_IsRefusedWithAChinese403(string origin)
    {
        var response = await SendAsync(HttpMethod.Post, Harmless, ("Origin", origin));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("已拒绝跨站请求");
    }

    [TestCase("cross-site")]
    [TestCase("same-site")]
    public async Task NoOrigin_ButBrowserSaysCrossSite_IsRefused(string site)
    {
        var response = await SendAsync(HttpMethod.Post, Harmless, ("Sec-Fetch-Site", site));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task SameOriginPost_Works()
    {
        var response = await SendAsync(HttpMethod.Post, Harmless, ("Origin", "https://localhost"), ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task PostWithoutOriginOrFetchMetadata_Works()
    {
        var response = await SendAsync(HttpMethod.Post, Harmless);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task CrossOriginGet_IsNotAffected()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/me", ("Origin", "https://evil.example"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task CrossOriginPost_WithoutTheCookie_IsNotRefusedByTheGuard()
    {
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, Harmless);
        request.Headers.Add("Origin", "https://evil.example");

        var response = await anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the request is simply not signed in");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await _office.SendAsync(request);
    }
}

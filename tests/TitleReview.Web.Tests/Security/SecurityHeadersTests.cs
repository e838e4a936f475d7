using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Hosting;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>Content-Security-Policy and the other browser protections on pages, API answers and served scans.</summary>
public class SecurityHeadersTests
{
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "frame-src 'self'; child-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private TitleReviewFactory _factory = null!;

    [OneTimeSetUp]
    public void SetUp() => _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Page_CarriesTheContentSecurityPolicy_AndDeniesFraming()
    {
        var response = await _factory.CreateClient().GetAsync("/Account/Login");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        AssertCommonHeaders(response, "DENY");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(PagePolicy);
    }

    [Test]
    public async Task ApiAnswer_CarriesTheContentSecurityPolicy()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        AssertCommonHeaders(response, "DENY");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(PagePolicy);
    }

    [Test]
    public async Task ApiErrorAnswer_KeepsTheHeaders()
    {
        var response = await _factory.CreateClient().GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        AssertCommonHeaders(response, "DENY");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(PagePolicy);
    }

    [Test]
    public async Task ServedScan_MayBeFramedOnlyByTheSite_AndRunsNoScript()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("personal.employment"), "slot");
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "聘书.pdf");
        var uploaded = await applicant.PostAsync($"/api/applications/{await LiHuaAsync()}/dossier/attachments", content);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await applicant.GetAsync($"/files/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        AssertCommonHeaders(response, "SAMEORIGIN");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Be(WebHostingExtensions.FilesContentSecurityPolicy)
            .And.Contain("frame-ancestors 'self'").And.Contain("script-src 'none'");
    }

    [Test]
    public async Task Pages_AllowFramesOfTheSiteForTheScanViewer()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var response = await auditor.GetAsync("/Auditor");

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-src 'self'");
    }

    [Test]
    public async Task HangfireDashboard_HasItsOwnPolicyForItsInlineScripts()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(WebHostingExtensions.HangfireContentSecurityPolicy);
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    [Test]
    public void Pages_HaveNoInlineScriptOrEventHandler()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "TitleReview.Web", "Pages");
        var offenders = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(pages, f), Line: i + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty();
    }

    [Test]
    public async Task OutsideDevelopment_HstsIsSent()
    {
        using var production = new TitleReviewFactory(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Bootstrap:OfficeUserName"] = "office.admin",
            ["Bootstrap:OfficePassword"] = "Strong#Pass2026",
        });
        var client = production.CreateClient(new() { BaseAddress = new Uri("https://titlereview.example") });

        var response = await client.GetAsync("/Account/Login");

        response.Headers.GetValues("Strict-Transport-Security").Single().Should().StartWith("max-age=");
    }

    private static void AssertCommonHeaders(HttpResponseMessage response, string frameOptions)
    {
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal(frameOptions);
        response.Headers.GetValues("Referrer-Policy").Should().Equal("same-origin");
    }

    private async Task<Guid> LiHuaAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = Domain.Time.BeijingTime.Today(TimeProvider.System).Year;
        return await (from a in db.TitleApplications
                      join c in db.Campaigns on a.CampaignId equals c.Id
                      where c.Year == year && a.ApplicantName == "李华"
                      select a.Id).SingleAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TitleReview.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("TitleReview.sln not found above the test output.");
    }
}

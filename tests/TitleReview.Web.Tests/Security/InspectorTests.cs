using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Hosting;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>
/// The discipline inspector (纪检监察, ADR 52) on the demo with its whole 2023 history: every office
/// page reads for them as for the office, no page shows them a posting form, every write of any page
/// or endpoint is refused with 403 and changes nothing, and every view is in the audit log.
/// </summary>
public partial class InspectorTests
{
    private const string Inspector = "inspector1";

    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;
    private HttpClient _inspector = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _office = await SignedInClientAsync(_factory, "office");
        _inspector = await SignedInClientAsync(_factory, Inspector);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _office.Dispose();
        _inspector.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task EveryOfficePage_ReadsForTheInspectorAsForTheOffice()
    {
        var pages = OfficePagesWithoutParameters();
        pages.Should().Contain(["/Office", "/Office/Preliminary", "/Office/AuditLog", "/Office/Committee/Results", "/Office/Workflows"]);

        var differences = new List<string>();
        foreach (var page in pages)
        {
            var office = await _office.GetAsync(page);
            var inspector = await _inspector.GetAsync(page);
            if (inspector.StatusCode != office.StatusCode)
            {
                differences.Add($"{page}: office {(int)office.StatusCode}, inspector {(int)inspector.StatusCode}");
            }
        }

        differences.Should().BeEmpty("the inspector reads every page the office reads");
    }

    [Test]
    public async Task TheInspectorsPages_ShowNoPostingFormButSigningOut()
    {
        var pages = new[] { "/Office/Preliminary", "/Office/Committee/Results", "/Office/Units", "/Office/Campaigns", "/Office/Accounts", "/Office/SpotCheck?year=2023", "/Office/Preliminary/Reasons" };
        var officeForms = 0;
        foreach (var page in pages)
        {
            officeForms += PostingForm().Matches(await _office.GetStringAsync(page)).Count;
            var inspectorHtml = await _inspector.GetStringAsync(page);
            var posting = PostingForm().Matches(inspectorHtml).Select(m => m.Value).ToList();
            posting.Should().ContainSingle($"{page} keeps only the sign-out form for the inspector").Which.Should().Contain("/Account/Logout");
            inspectorHtml.Should().Contain("纪检监察只读查阅");
        }

        // The same pages show the office its actions: the filter is the inspector's alone.
        officeForms.Should().BeGreaterThan(pages.Length, "the office sees action forms besides signing out");
    }

    [Test]
    public async Task EveryWriteOfEveryPageAndEndpoint_IsRefusedWith403_AndChangesNothing()
    {
        var writes = UnsafeRequests();
        writes.Should().Contain(w => w.Path.StartsWith("/api/", StringComparison.Ordinal)).And.Contain(w => w.Path.StartsWith("/Office/Preliminary", StringComparison.Ordinal));
        var before = await ChangeCountAsync();

        var answered = new List<string>();
        foreach (var (method, path) in writes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "纪检监察尝试写入" }),
            };
            request.Headers.Add("Origin", "https://localhost");
            var response = await _inspector.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                answered.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        answered.Should().BeEmpty("the inspector has no write endpoint");
        (await ChangeCountAsync()).Should().Be(before, "a refused write changes nothing but the refusal's audit rows");
        (await AuditCountAsync(AuditAction.InspectorWriteRefused)).Should().BeGreaterThanOrEqualTo(writes.Count);
    }

    [Test]
    public async Task EveryView_IsInTheAuditLog_WithThePathAndWho()
    {
        var marker = $"/Office/Preliminary?year=2023&probe={Guid.NewGuid():N}";
        (await _inspector.GetAsync(marker)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.InspectorViewed && e.Detail!.Contains(marker));
        row.Actor.Should().Be(Inspector);
        row.Succeeded.Should().BeTrue();
        row.Detail.Should().StartWith("GET ").And.EndWith("→ 200");

        // The office reads the inspector's views in its audit log, filtered by the action.
        var log = await _office.GetStringAsync($"/Office/AuditLog?Action={AuditAction.InspectorViewed}");
        log.Should().Contain("纪检监察查阅").And.Contain(Inspector);
    }

    [Test]
    public async Task EveryDossierScanAndJournal_OpensForTheInspector_AndTheScanOpeningIsRecorded()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var scan = await db.DossierAttachments.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
        var instance = await db.WorkflowInstances.AsNoTracking().FirstAsync(i => i.SubjectId == scan.ApplicationId);

        (await _inspector.GetAsync($"/Review/{scan.ApplicationId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _inspector.GetAsync($"/files/{scan.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _inspector.GetAsync($"/Office/Workflows/Instance/{instance.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var inspectorId = await db.Users.Where(u => u.UserName == Inspector).Select(u => u.Id).SingleAsync();
        (await db.AttachmentOpenings.AsNoTracking().AnyAsync(o => o.AttachmentId == scan.Id && o.UserId == inspectorId)).Should().BeTrue("opening a scan is recorded for the inspector as for the office");
    }

    [Test]
    public async Task SigningOut_StillWorksForTheInspector()
    {
        using var client = await SignedInClientAsync(_factory, Inspector);
        var token = await GetAntiforgeryTokenAsync(client, "/Office");
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Office")).StatusCode.Should().Be(HttpStatusCode.Redirect, "signed out, the office pages send to the sign-in");
    }

    /// <summary>
    /// The office's pages that need no route value (a query string is optional on each), but the
    /// administrator's (creating staff accounts), which the office's plain staff do not have either.
    /// </summary>
    private List<string> OfficePagesWithoutParameters() =>
        [.. _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.OfficeAdmin))
            .Select(e => e.RoutePattern)
            .Where(p => (p.RawText ?? string.Empty).StartsWith("Office", StringComparison.Ordinal) && p.Parameters.All(parameter => parameter.IsOptional))
            .Select(p => "/" + string.Join('/', p.PathSegments.Select(s => string.Concat(s.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content)))).TrimEnd('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>A POST to every page but the inspector's own account pages, and every unsafe method of every endpoint.</summary>
    private List<(string Method, string Path)> UnsafeRequests()
    {
        var unsafeMethods = new[] { "POST", "PUT", "DELETE", "PATCH" };
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => ("POST", Fill(e.RoutePattern)))
            .Where(r => !r.Item2.StartsWith("/Account", StringComparison.Ordinal));
        var api = endpoints.SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Where(unsafeMethods.Contains)
            .Select(m => (m, Fill(e.RoutePattern))));
        return [.. pages.Concat(api).Distinct()];
    }

    private static string Fill(RoutePattern pattern) =>
        ("/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.IsOptional => string.Empty,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "2023",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart => "filing",
            _ => string.Empty,
        }))))).TrimEnd('/') is { Length: > 0 } path ? path : "/";

    /// <summary>Rows of everything a write could touch, but the audit log the refusals write to.</summary>
    private async Task<long> ChangeCountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.WorkflowJournal.LongCountAsync() + await db.TitleApplications.LongCountAsync() + await db.Campaigns.LongCountAsync()
            + await db.Users.LongCountAsync() + await db.OutboundMessages.LongCountAsync() + await db.IntegrityCases.LongCountAsync()
            + await db.Units.LongCountAsync() + await db.UnitRegistrations.LongCountAsync() + await db.FailureReasons.LongCountAsync()
            + await db.Experts.LongCountAsync();
    }

    private async Task<int> AuditCountAsync(AuditAction action)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(e => e.Action == action && e.Actor == Inspector);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostingForm();
}

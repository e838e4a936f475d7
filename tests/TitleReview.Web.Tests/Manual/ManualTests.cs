using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Web.Manual;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Manual;

/// <summary>
/// The operating manual (操作手册, ADR 0057) without a browser: the guides and the screenshot
/// manifest agree, every page the manifest names is a Razor page of the app, every picture is in the
/// web root, the help pages read signed out, and every page's 帮助 link leads to its reader's guide.
/// The pictures themselves are taken by <c>ManualScreenshotBrowserTests</c>.
/// </summary>
public partial class ManualTests
{
    private static readonly string[] Accounts = ["office", "auditor1", "applicant1", "expert1", "inspector1"];

    private TitleReviewFactory _factory = null!;
    private OperatingManual _manual = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory(countQueries: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _manual = _factory.Services.GetRequiredService<OperatingManual>();
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public void Guides_EachRole_HasItsGuideWithATitleSectionsAndScreenshots()
    {
        _manual.Guides.Select(g => g.Key).Should().Equal(OperatingManual.GuideKeys);
        foreach (var guide in _manual.Guides)
        {
            guide.Title.Should().NotBe(guide.Key, $"{guide.Key}.md starts with its title");
            guide.Summary.Should().NotBeEmpty($"{guide.Key}.md says in its first paragraph whom it is for");
            guide.Sections.Where(s => s.Level == 2).Should().HaveCountGreaterThanOrEqualTo(3, $"{guide.Key}.md has its steps as sections");
            guide.ScreenIds.Should().HaveCountGreaterThanOrEqualTo(3, $"{guide.Key}.md shows its pages");
            guide.Sections.Select(s => s.Anchor).Should().OnlyHaveUniqueItems($"{guide.Key}.md's anchors are unique");
        }

        _manual.Guides.SelectMany(g => g.Sections).Select(s => s.Anchor).Should().OnlyHaveUniqueItems("the printed manual holds every guide's anchors at once");
    }

    [Test]
    public void Guides_EveryScreenshotTheyShow_IsInTheManifest()
    {
        var listed = _manual.Manifest.Screens.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = _manual.Guides.SelectMany(g => g.ScreenIds.Where(id => !listed.Contains(id)).Select(id => $"{g.Key}: {id}")).ToList();
        unknown.Should().BeEmpty("every screen:id of a guide is listed in Manual/screens.json");
        _manual.Guides.Should().OnlyContain(g => !FigureFollowedByText().IsMatch(g.Html), "a picture's alt text is not repeated after its figure");
        _manual.Guides.Should().OnlyContain(g => !g.Html.Contains("不在清单中", StringComparison.Ordinal));
    }

    [Test]
    public void Manifest_EveryEntry_IsShownByTheGuideItNames()
    {
        var unshown = _manual.Manifest.Screens
            .Where(s => _manual.Guide(s.Guide) is not { } guide || !guide.ScreenIds.Contains(s.Id))
            .Select(s => $"{s.Id} (guide {s.Guide})")
            .ToList();
        unshown.Should().BeEmpty("a picture nobody shows is not taken");
    }

    [Test]
    public void Manifest_Entries_HaveUniqueFileNamesCaptionsAndKnownAccounts()
    {
        var screens = _manual.Manifest.Screens;
        screens.Should().HaveCountGreaterThanOrEqualTo(20);
        screens.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        screens.Should().OnlyContain(s => ScreenId().IsMatch(s.Id), "an id is a file name: lower-case letters, digits and hyphens");
        screens.Should().OnlyContain(s => s.Caption.Length > 0 && s.Url.StartsWith('/'));
        screens.Where(s => s.Account is not null).Select(s => s.Account).Should().OnlyContain(a => DemoAccount().IsMatch(a!), "screenshots are taken as the demo's accounts");
        foreach (var guide in OperatingManual.GuideKeys)
        {
            screens.Count(s => s.Guide == guide).Should().BeGreaterThanOrEqualTo(3, $"the {guide} guide shows its pages");
        }
    }

    [Test]
    public void Manifest_EveryPage_IsARazorPageOfTheAppAndItsAddressLeadsThere()
    {
        var pages = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Template: e.RoutePattern.RawText ?? string.Empty))
            .Where(e => e.Page is not null)
            .ToList();

        var problems = new List<string>();
        foreach (var screen in _manual.Manifest.Screens)
        {
            var templates = pages.Where(p => string.Equals(p.Page, screen.Page, StringComparison.OrdinalIgnoreCase)).Select(p => p.Template).ToList();
            if (templates.Count == 0)
            {
                problems.Add($"{screen.Id}: {screen.Page} is not a page of the app");
                continue;
            }

            var path = screen.Url.Split('?')[0];
            var opened = screen.Follow is null ? templates : pages.Select(p => p.Template);
            if (!opened.Any(template => Matches(template, path)))
            {
                problems.Add($"{screen.Id}: {screen.Url} does not route to {(screen.Follow is null ? screen.Page : "a page")}");
            }
        }

        problems.Should().BeEmpty("the manual shows only pages the app has");
    }

    [Test]
    public void Manifest_EveryPicture_IsInTheWebRoot()
    {
        var missing = _manual.Manifest.Screens
            .Where(s => !_factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootFileProvider.GetFileInfo(s.ImagePath).Exists)
            .Select(s => s.Id)
            .ToList();
        missing.Should().BeEmpty("ManualScreenshotBrowserTests takes every picture into wwwroot/manual/screens, and they are committed");
    }

    [Test]
    public async Task HelpPages_SignedOut_ListEveryGuideShowEachAndPrintThemAsOne()
    {
        using var client = _factory.CreateClient();
        var index = await client.GetStringAsync("/Help");
        foreach (var guide in _manual.Guides)
        {
            index.Should().Contain($"href=\"/Help/{guide.Key}\"").And.Contain(guide.Title);
            var page = await client.GetAsync($"/Help/{guide.Key}");
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            var html = await page.Content.ReadAsStringAsync();
            html.Should().Contain($"id=\"{guide.Key}\"").And.NotContain(OperatingManual.ScreenScheme).And.NotContain(OperatingManual.HelpScheme);
            foreach (var id in guide.ScreenIds)
            {
                html.Should().Contain($"src=\"/manual/screens/{id}.png");
            }
        }

        var print = await client.GetStringAsync("/Help/Print");
        foreach (var guide in _manual.Guides)
        {
            print.Should().Contain($"<h1 id=\"{guide.Key}\"");
        }

        print.Should().Contain("data-print").And.NotContain("href=\"/Help/", "links between guides stay within the printed document");
        (await client.GetAsync("/Help/nobody")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task HelpPages_SignedOut_RunNoSqlCommand()
    {
        using var client = _factory.CreateClient();
        foreach (var path in new[] { "/Help", "/Help/auditor", "/Help/Print" })
        {
            var measured = await _factory.Queries!.MeasureAsync(() => client.GetAsync(path));
            measured.Status.Should().Be(HttpStatusCode.OK);
            measured.Count.Should().Be(0, $"{path} is rendered from the manual held in memory");
        }
    }

    [Test]
    public void Guides_LinksWithinTheManual_LeadToAnAnchorThatExists()
    {
        var anchors = _manual.Guides.SelectMany(g => g.Sections.Select(s => s.Anchor).Append(g.Key)).ToHashSet(StringComparer.Ordinal);
        var broken = _manual.Guides
            .SelectMany(g => HelpAnchor().Matches(g.Html).Select(m => (g.Key, Anchor: m.Groups["anchor"].Value)))
            .Where(link => !anchors.Contains(link.Anchor))
            .Select(link => $"{link.Key} → #{link.Anchor}")
            .ToList();
        broken.Should().BeEmpty("every help: link names a guide and one of its headings");
    }

    [TestCase("office", "office")]
    [TestCase("auditor1", "auditor")]
    [TestCase("applicant1", "applicant")]
    [TestCase("expert1", "expert")]
    [TestCase("inspector1", "inspector")]
    public async Task HelpLink_OnEachRolesHome_LeadsToTheirGuide(string account, string guide)
    {
        Accounts.Should().Contain(account);
        using var client = await SignedInClientAsync(_factory, account);
        var home = await client.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var html = await client.GetStringAsync(home.Headers.Location!.OriginalString);
        var link = HelpLinkOf(html);
        link.Should().StartWith($"/Help/{guide}");
        (await client.GetAsync(link.Split('#')[0])).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task HelpLink_OnAPageTheManualShows_LeadsToTheSectionShowingIt()
    {
        using var auditor = await SignedInClientAsync(_factory, "auditor1");
        var link = HelpLinkOf(await auditor.GetStringAsync("/Auditor/Publicity"));
        var screen = _manual.Manifest.Screens.First(s => s.Page == "/Auditor/Publicity" && s.Guide == "auditor");
        link.Should().Be($"/Help/auditor#{_manual.Guide("auditor")!.SectionOfScreen[screen.Id]}");
        _manual.Guide("auditor")!.Html.Should().Contain($"id=\"{link.Split('#')[1]}\"");
    }

    [Test]
    public async Task HelpLink_SignedOut_LeadsToTheIndexOrToThePublicPagesSection()
    {
        using var client = _factory.CreateClient();
        HelpLinkOf(await client.GetStringAsync("/Account/Login")).Should().Be("/Help");
        HelpLinkOf(await client.GetStringAsync("/Units/Register")).Should().StartWith("/Help/unit#unit-");
    }

    private static string HelpLinkOf(string html)
    {
        var match = HelpLinkPattern().Match(html);
        match.Success.Should().BeTrue("every page's header has the 帮助 link");
        return WebUtility.HtmlDecode(match.Groups["href"].Value);
    }

    private static bool Matches(string template, string path) =>
        new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());

    [GeneratedRegex("class=\"manual-caption\">[^<]*</span></span>[^<\\s]")]
    private static partial Regex FigureFollowedByText();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ScreenId();

    [GeneratedRegex("^(office|auditor[12]|applicant[1-5]|expert[1-6]|inspector1)$")]
    private static partial Regex DemoAccount();

    [GeneratedRegex("href=\"(?:/Help/[a-z]+)?#(?<anchor>[a-z0-9-]+)\"")]
    private static partial Regex HelpAnchor();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\" class=\"link-button\" id=\"help-link\">帮助</a>")]
    private static partial Regex HelpLinkPattern();
}

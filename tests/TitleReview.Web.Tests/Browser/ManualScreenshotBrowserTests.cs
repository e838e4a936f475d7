using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Manual;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// The operating manual's screenshots (ADR 0057): for each entry of <c>Manual/screens.json</c> the
/// test signs in as its demo account on the demo data, opens its page and captures it into the
/// source tree's <c>src/TitleReview.Web/wwwroot/manual/screens/</c>, so every run regenerates the
/// pictures from the pages as they are. A page the manual shows that no longer exists (404, an
/// error, a redirect to the sign-in page or to another page) fails the test and names the entry.
/// </summary>
public class ManualScreenshotBrowserTests : DemoCampaignBrowserTestBase
{
    /// <summary>Masks every 18-character ID number on the page (text and form fields) before the picture is taken.</summary>
    private const string MaskIdNumbers = """
        () => {
            const pattern = /(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
            const mask = s => s.replace(pattern, (_, head, tail) => head + '**********' + tail);
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (pattern.test(node.nodeValue)) { node.nodeValue = mask(node.nodeValue); }
                pattern.lastIndex = 0;
            }
            document.querySelectorAll('input, textarea').forEach(field => { field.value = mask(field.value); });
            return document.body.innerText;
        }
        """;

    /// <summary>A clock the test sets to each entry's day, backwards too (a window before the demo's today).</summary>
    private readonly ManualClock _clock = new(Monday15June2026);

    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, services: services => services.AddSingleton<TimeProvider>(_clock));

    [Test]
    public async Task ManualScreens_EveryPageTheManualShows_ExistsAndIsCapturedFromTheDemo()
    {
        var manual = OperatingManual.Load();
        var folder = ScreensFolder();
        Directory.CreateDirectory(folder);
        var listed = manual.Manifest.Screens.Select(s => $"{s.Id}.png").ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.GetFiles(folder, "*.png").Where(f => !listed.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        await Page.SetViewportSizeAsync(manual.Manifest.ViewportWidth, manual.Manifest.ViewportHeight);

        var failures = new List<string>();
        foreach (var screen in manual.Manifest.Screens)
        {
            string? failure;
            try
            {
                failure = await CaptureAsync(screen, manual.Manifest, Path.Combine(folder, $"{screen.Id}.png"));
            }
            catch (PlaywrightException e)
            {
                failure = e.Message;
            }

            if (failure is not null)
            {
                failures.Add($"{screen.Id} ({screen.Url}): {failure}");
            }
        }

        failures.Should().BeEmpty("every page the operating manual shows exists and answers its demo account");
    }

    private async Task<string?> CaptureAsync(ManualScreen screen, ManualScreens manifest, string file)
    {
        _clock.Now = DemoDay(screen.Day).AddHours(1);
        await Page.Context.ClearCookiesAsync();
        if (screen.Account is not null)
        {
            await LoginAsync(screen.Account, DemoAccounts.Password);
            try
            {
                await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                return $"{screen.Account} could not sign in";
            }
        }

        var response = await Page.GotoAsync($"{BaseUrl}{screen.Url}", new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        if (screen.Follow is not null)
        {
            var link = Page.Locator(screen.Follow).First;
            if (await link.CountAsync() == 0)
            {
                return $"no link {screen.Follow} on the page (status {response?.Status})";
            }

            var href = await link.GetAttributeAsync("href");
            response = await Page.GotoAsync(new Uri(new Uri(Page.Url), href).ToString(), new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        }

        if (response is null || response.Status != 200)
        {
            return $"answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}";
        }

        var page = await Page.Locator("body").GetAttributeAsync("data-page");
        if (!string.Equals(page, screen.Page, StringComparison.OrdinalIgnoreCase))
        {
            return $"showed the page {page ?? "(none)"} at {new Uri(Page.Url).PathAndQuery}, not {screen.Page}";
        }

        var text = await Page.EvaluateAsync<string>(MaskIdNumbers);
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"))
        {
            return "a full ID number is still shown";
        }

        var target = Page.Locator(screen.Selector ?? "main").First;
        if (await target.CountAsync() == 0)
        {
            return $"no element {screen.Selector ?? "main"} on the page";
        }

        await target.ScrollIntoViewIfNeededAsync();
        var box = await target.BoundingBoxAsync();
        if (box is null)
        {
            return $"the element {screen.Selector ?? "main"} is not visible";
        }

        // The element, up to a window tall: the manual shows where things are, not every row, and the pictures stay small.
        var scroll = await Page.EvaluateAsync<float>("() => window.scrollY");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            Type = ScreenshotType.Png,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Clip = new Clip
            {
                X = Math.Max(0, box.X),
                Y = Math.Max(0, box.Y + scroll),
                Width = Math.Min(box.Width, manifest.ViewportWidth),
                Height = Math.Min(box.Height, manifest.ViewportHeight),
            },
        });
        return null;
    }

    /// <summary>The web project's picture folder in the source tree, found from the repository's top (TitleReview.sln).</summary>
    private static string ScreensFolder()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TitleReview.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("TitleReview.sln not found above the test's folder: the screenshots are written into the source tree.")
            : Path.Combine(directory.FullName, "src", "TitleReview.Web", "wwwroot", "manual", "screens");
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium (the system's, <c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>)
/// against the application on a real Kestrel port. Without a browser the tests are skipped
/// on a developer's machine, and fail under <c>CI=true</c>.
/// </summary>
public abstract class BrowserTestBase : PlaywrightTest
{
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private readonly List<string> _policyViolations = [];

    protected TitleReviewFactory Factory { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected string BaseUrl { get; private set; } = string.Empty;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    protected virtual TitleReviewFactory CreateFactory() => new(kestrel: true);

    [SetUp]
    public async Task StartBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"Chromium not found at {ChromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        Factory = CreateFactory();
        BaseUrl = Factory.ServerAddress;
        _browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        // Every browser test also proves its pages run under the Content-Security-Policy:
        // Chromium reports each blocked script, style or frame on the console.
        _policyViolations.Clear();
        _context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _policyViolations.Add(message.Text);
            }
        };
        Page = await _context.NewPageAsync();
        // Waits, not timings: on a loaded machine (the suites run in parallel on two cores) a
        // page may take longer than Playwright's 5-second default to settle; a broken one still fails.
        Page.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    [TearDown]
    public async Task StopBrowserAsync()
    {
        var violations = _policyViolations.ToList();
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        Factory?.Dispose();
        violations.Should().BeEmpty("pages work under the Content-Security-Policy");
    }

    protected async Task LoginAsync(string userName, string password)
    {
        await Page.GotoAsync($"{BaseUrl}/Account/Login");
        await Page.GetByLabel("用户名").FillAsync(userName);
        await Page.GetByLabel("密码").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}

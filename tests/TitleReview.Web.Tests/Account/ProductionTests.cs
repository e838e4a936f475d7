using System.Net;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Account;

/// <summary>Outside Development: no demo data, and every cookie is Secure.</summary>
public class ProductionTests
{
    private TitleReviewFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Bootstrap:OfficeUserName"] = "office.admin",
            ["Bootstrap:OfficePassword"] = "Strong#Pass2026",
        });
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase("office")]
    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task DemoAccounts_DoNotExist(string userName)
    {
        var response = await PostLoginAsync(_client, userName, DemoAccounts.Password);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("用户名或密码错误。");
    }

    [Test]
    public async Task Cookies_AreSecureHttpOnlySameSite()
    {
        var response = await PostLoginAsync(_client, "office.admin", "Strong#Pass2026");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal));
        auth.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
    }

    [Test]
    public async Task BootstrapOfficeAccount_MustEnrolInTwoFactorBeforeTheOffice()
    {
        (await PostLoginAsync(_client, "office.admin", "Strong#Pass2026")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var office = await _client.GetAsync("/Office/Accounts");

        office.StatusCode.Should().Be(HttpStatusCode.Redirect);
        office.Headers.Location!.ToString().Should().Be("/Account/Security");
        (await _client.GetStringAsync("/Account/Security")).Should().Contain("省政工职评办账号须先启用两步验证");
    }

    [Test]
    public async Task AntiforgeryCookie_IsSecure()
    {
        var response = await _client.GetAsync("/Account/Login");

        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("TitleReview.Antiforgery=", StringComparison.Ordinal) && c.Contains("secure"));
    }
}

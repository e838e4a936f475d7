using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>Lists show a user name that is a mobile number masked: the reader needs no full number.</summary>
public class MobileMaskingTests
{
    /// <summary>Applicants who register themselves sign in with their mobile number.</summary>
    private const string Mobile = "13912345678";
    private const string Masked = "139****5678";

    private TitleReviewFactory _factory = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory();
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = Mobile, DisplayName = "钱多", UnitId = DemoAccounts.QiannanEnergy.Id, IsActive = true };
        (await users.CreateAsync(user, DemoAccounts.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded.Should().BeTrue();
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task AuditorsApplicantList_ShowsTheMobileUserNameMasked()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var page = await auditor.GetStringAsync("/Auditor");

        page.Should().Contain("钱多").And.Contain(Masked).And.NotContain(Mobile);
        page.Should().Contain("applicant1", "a user name that is not a mobile number is shown as it is");
    }

    [Test]
    public async Task OfficesAuditLog_ShowsMobileUserNamesMasked()
    {
        (await SignedInClientAsync(_factory, Mobile)).Should().NotBeNull();
        var stranger = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        (await PostLoginAsync(stranger, Mobile, "wrong-password-1")).StatusCode.Should().NotBe(HttpStatusCode.Redirect);
        var office = await SignedInClientAsync(_factory, "office");

        foreach (var path in new[] { "/Office/AuditLog", "/Office/AuditLog?action=LoginFailed", "/Office" })
        {
            var page = await office.GetStringAsync(path);

            page.Should().Contain(Masked, path).And.NotContain(Mobile, path);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Units;

/// <summary>The auditor of unit A never sees unit B's registration, on any page or API of the feature.</summary>
public class UnitAccessTests
{
    private TitleReviewFactory _factory = null!;
    private Guid _unitB;
    private string _unitBNumber = string.Empty;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        using var scope = _factory.Services.CreateScope();
        var registration = await scope.ServiceProvider.GetRequiredService<AppDbContext>().UnitRegistrations
            .OrderByDescending(r => r.SubmittedAt)
            .FirstAsync(r => r.CreditCode == DemoAccounts.ProvincialTransport.CreditCode);
        _unitB = registration.Id;
        _unitBNumber = registration.Number;
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task AuditorOfUnitA_GetsNotFound_ForUnitBsRegistration_OnEveryPageAndApi()
    {
        var auditorA = await SignedInClientAsync(_factory, "auditor1");

        (await auditorA.GetAsync($"/api/units/registrations/{_unitB}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await auditorA.PostAsync($"/api/units/registrations/{_unitB}/confirm", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await auditorA.GetAsync($"/Units/Form?id={_unitB}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await auditorA.GetAsync($"/api/units/registrations/lookup?number={_unitBNumber}&code={DemoAccounts.QiannanEnergy.CreditCode}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var status = await auditorA.GetStringAsync($"/Units/Status?number={_unitBNumber}&code={DemoAccounts.QiannanEnergy.CreditCode}");
        status.Should().Contain("没有找到").And.NotContain(DemoAccounts.ProvincialTransport.Name);

        var auditorHome = await auditorA.GetStringAsync("/Auditor");
        auditorHome.Should().NotContain(_unitBNumber).And.NotContain("13800000102");

        foreach (var officeOnly in new[] { "/Office/Units", $"/Office/Units/Registration/{_unitB}", "/api/units/registrations" })
        {
            var response = await auditorA.GetAsync(officeOnly);
            response.StatusCode.Should().BeOneOf([HttpStatusCode.Redirect, HttpStatusCode.Forbidden], officeOnly);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                response.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
            }
        }
    }

    [Test]
    public async Task OwnAuditor_AndTheOffice_SeeTheRegistrationWhole()
    {
        var auditorB = await SignedInClientAsync(_factory, "auditor2");
        var office = await SignedInClientAsync(_factory, "office");

        (await auditorB.GetStringAsync($"/Units/Form?id={_unitB}")).Should().Contain("13800000102").And.Contain("申报单位及单位审核人基本情况表");
        (await office.GetStringAsync($"/Office/Units/Registration/{_unitB}")).Should().Contain("13800000102").And.Contain(DemoAccounts.ProvincialTransport.CreditCode);
        var list = await office.GetStringAsync("/Office/Units");
        list.Should().Contain("138****0102").And.NotContain("13800000102");
    }

    [Test]
    public async Task Lookup_WithNumberAndCode_ShowsTheUnitItsStatus()
    {
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var detail = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/units/registrations/lookup?number={_unitBNumber}&code={DemoAccounts.ProvincialTransport.CreditCode}");

        detail.GetProperty("stateName").GetString().Should().Be("已核准");
    }
}

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
        (await auditorA.PostAsJsonAsync("/api/units/registrations/lookup", new { accessToken = _unitBNumber })).StatusCode.Should().Be(HttpStatusCode.NotFound);

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
    public async Task AnonymousVisitor_WhoKnowsNumbersAndCreditCodes_LearnsNothingAndReachesNoActivationLink()
    {
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        string[] secrets = ["/Account/Activate", "token=", "13800000101", "13800000102", "13800000103", DemoAccounts.ProvincialTransport.Name, DemoAccounts.QiannanEnergy.Name];
        var codes = new[] { DemoAccounts.QiannanEnergy.CreditCode, DemoAccounts.ProvincialTransport.CreditCode, DemoAccounts.TongrenMaterials.CreditCode };

        foreach (var year in new[] { 2023, DateTime.UtcNow.Year })
        {
            for (var n = 1; n <= 6; n++)
            {
                var number = $"DW{year}-{n:0000}";
                foreach (var code in codes)
                {
                    var answers = new List<HttpResponseMessage>
                    {
                        await anonymous.GetAsync($"/Units/Status?number={number}&code={code}"),
                        await anonymous.GetAsync($"/Units/Form?number={number}&code={code}"),
                        await anonymous.GetAsync($"/api/units/registrations/lookup?number={number}&code={code}"),
                        await anonymous.PostAsJsonAsync("/api/units/registrations/lookup", new { accessToken = number, number, code, creditCode = code }),
                        await anonymous.PostAsJsonAsync("/api/units/registrations/lookup", new { accessToken = code }),
                    };
                    foreach (var answer in answers)
                    {
                        ((int)answer.StatusCode).Should().BeLessThan(500);
                        var body = await answer.Content.ReadAsStringAsync();
                        foreach (var secret in secrets)
                        {
                            body.Should().NotContain(secret, $"{answer.RequestMessage!.Method} {answer.RequestMessage.RequestUri} must not reveal it");
                        }
                    }
                }
            }
        }
    }

    [Test]
    public async Task Lookup_WithTheAccessTokenTheOfficeReissuedToTheFiller_ShowsOnlyMaskedContacts()
    {
        var office = await SignedInClientAsync(_factory, "office");
        (await office.PostAsync($"/api/units/registrations/{_unitB}/reissue-access-token", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        string token;
        using (var scope = _factory.Services.CreateScope())
        {
            var sms = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboundMessages
                .Where(m => m.Purpose == "重发查询码").OrderByDescending(m => m.CreatedAt).FirstAsync();
            token = System.Text.RegularExpressions.Regex.Match(sms.Body, "[0-9A-Z]{5}(-[0-9A-Z]{5}){3}").Value;
        }

        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await anonymous.PostAsJsonAsync("/api/units/registrations/lookup", new { accessToken = token });
        var json = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var detail = System.Text.Json.JsonDocument.Parse(json).RootElement;
        detail.GetProperty("stateName").GetString().Should().Be("已核准");
        detail.GetProperty("maskedAuditorMobile").GetString().Should().Be("138****0102");
        json.Should().NotContain("13800000102").And.NotContain("Activate").And.NotContain("auditorUserId").And.NotContain(_unitB.ToString());
        var page = await PostFormAsync(anonymous, "/Units/Status", new() { ["AccessToken"] = token });
        page.Should().Contain("已核准").And.Contain("138****0102").And.NotContain("13800000102");
    }

    [Test]
    public async Task Outbox_IsTheOfficesToRead_WithRecipientsMasked()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var page = await office.GetStringAsync("/Office/Outbox");

        page.Should().Contain("单位报送查询码").And.Contain("136****0901").And.Contain("z***@example.cn").And.NotContain("13600000901");
        var denied = await auditor.GetAsync("/Office/Outbox");
        denied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
    }

    private static async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await GetAntiforgeryTokenAsync(client, path);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        return await response.Content.ReadAsStringAsync();
    }
}

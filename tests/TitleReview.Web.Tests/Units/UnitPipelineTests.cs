using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Units;

/// <summary>Registration, approval and the confirmation deadline through HTTP, on a fake clock in 2023.</summary>
public class UnitPipelineTests
{
    private FakeTimeProvider _clock = null!;
    private TitleReviewFactory _factory = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeTimeProvider(BeijingTime.FromBeijing(new DateTime(2023, 7, 10, 9, 0, 0)));
        _factory = new TitleReviewFactory(clock: _clock);
        using var scope = _factory.Services.CreateScope();
        var timeline = TimelineDocument.Parse(scope.ServiceProvider.GetRequiredService<ITimelineFiles>().Read(2023));
        await scope.ServiceProvider.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>()
            .HandleAsync(new CreateCampaignFromTimeline(timeline, new WorkflowActor("test", "测试", ["Office"])));
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Registration_OutsideItsWindow_Is409WithTheDates_InsideIt201()
    {
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var campaignId = await CampaignIdAsync();

        var early = await anonymous.PostAsJsonAsync("/api/units/registrations", Registration(campaignId, DemoAccounts.TongrenMaterials));
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("2023-07-17 00:00:00 至 2023-07-21 23:59:59");

        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2023, 7, 17, 8, 0, 0)));
        var created = await anonymous.PostAsJsonAsync("/api/units/registrations", Registration(campaignId, DemoAccounts.TongrenMaterials));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var duplicate = await anonymous.PostAsJsonAsync("/api/units/registrations", Registration(campaignId, DemoAccounts.TongrenMaterials));
        duplicate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("creditCode")[0].GetString().Should().Contain("DW2023-0001");
    }

    [Test]
    public async Task UnconfirmedUnit_AfterTheConfirmationWindowClosesOnTheClock_CannotHaveApplicants()
    {
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var campaignId = await CampaignIdAsync();
        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2023, 7, 18, 9, 0, 0)));
        var created = await anonymous.PostAsJsonAsync("/api/units/registrations", Registration(campaignId, DemoAccounts.TongrenMaterials));
        var registrationId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationId").GetGuid();

        var office = await SignedInClientAsync(_factory, "office");
        (await office.PostAsJsonAsync($"/api/units/registrations/{registrationId}/approve", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2023, 7, 29, 0, 0, 0)));
        office = await SignedInClientAsync(_factory, "office");
        (await office.PostAsync("/api/workflows/clock/run", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/units/registrations/{registrationId}");
        detail.GetProperty("state").GetString().Should().Be("NotConfirmed");

        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2023, 8, 1, 9, 0, 0)));
        var applicant = await SignedInClientAsync(_factory, "applicant5");
        var page = await applicant.GetStringAsync("/Applicant");
        var response = await applicant.PostAsync("/Applicant?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["campaignId"] = campaignId.ToString(),
            ["level"] = "Intermediate",
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("“铜仁示范建材有限公司”未在规定时间内核准 2023 年度的审核人信息").And.Contain("0851-85893109");
        html.Should().Contain("您还没有申报记录");
        html.Should().Contain("id=\"start-2023\"", "the refused start re-renders the page with its data, loaded after the command failed");
    }

    private async Task<Guid> CampaignIdAsync()
    {
        var office = await SignedInClientAsync(_factory, "office");
        return (await office.GetFromJsonAsync<JsonElement>("/api/campaigns/2023/timeline")).GetProperty("campaignId").GetGuid();
    }

    private static object Registration(Guid campaignId, DemoAccounts.DemoUnit unit) => new
    {
        campaignId,
        unitName = unit.Name,
        creditCode = unit.CreditCode,
        nature = unit.Nature.ToString(),
        region = unit.Region,
        supervisingDepartment = "铜仁市国资委",
        auditorName = "钱敏",
        auditorMobile = "13800000103",
        auditorLandline = "0856-5220000",
        auditorIsHr = true,
        fillerName = "周文",
        fillerPhone = "0856-5220001",
    };
}

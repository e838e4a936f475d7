using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Workflows;

/// <summary>The workflow API through the real pipeline, on the demo campaigns (filing open today).</summary>
public class WorkflowApiTests
{
    private TitleReviewFactory _factory = null!;
    private int _year;

    [SetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _ = _factory.Services;
        _year = BeijingTime.Today(TimeProvider.System).Year;
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Timeline_IsReadableBySignedInUsers_WithStageStatuses()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/campaigns/{_year}/timeline"));

        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
        stages.Should().HaveCount(13);
        stages.Single(s => s.GetProperty("key").GetString() == "publicityFeedback").GetProperty("within").GetString().Should().Be("preliminaryReview");
        stages.Single(s => s.GetProperty("key").GetString() == "filing").GetProperty("status").GetString().Should().Be("Open");
    }

    [Test]
    public async Task Instances_ListIsForTheOfficeOnly()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        using var json = JsonDocument.Parse(await office.GetStringAsync($"/api/workflows/instances?year={_year}&definitionId=application"));
        json.RootElement.GetProperty("totalCount").GetInt32().Should().Be(2);
        (await auditor.GetAsync("/api/workflows/instances")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Instance_OfAnotherUnitOrPerson_IsNotFound()
    {
        var zhao = await InstanceIdAsync("赵强"); // applicant3, unit 2
        var auditorOfUnit1 = await SignedInClientAsync(_factory, "auditor1");
        var applicant1 = await SignedInClientAsync(_factory, "applicant1");
        var auditorOfUnit2 = await SignedInClientAsync(_factory, "auditor2");

        (await auditorOfUnit1.GetAsync($"/api/workflows/instances/{zhao}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await applicant1.GetAsync($"/api/workflows/instances/{zhao}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await auditorOfUnit1.PostAsJsonAsync($"/api/workflows/instances/{zhao}/fire", new { trigger = "approve" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await auditorOfUnit2.GetAsync($"/api/workflows/instances/{zhao}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Steps_SubmitOfAnIncompleteDossier_ReturnThroughTheGenericFire_ApproveByApplicant()
    {
        var li = await ApplicationIdAsync("李华");
        var zhao = await ApplicationIdAsync("赵强");
        var zhaoInstance = await InstanceIdAsync("赵强");
        var applicant1 = await SignedInClientAsync(_factory, "applicant1");
        var applicant3 = await SignedInClientAsync(_factory, "applicant3");
        var auditor2 = await SignedInClientAsync(_factory, "auditor2");

        var incomplete = await applicant1.PostAsJsonAsync($"/api/applications/{li}/dossier/submit", new { });
        incomplete.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("材料不完整").And.Contain("差 12 学时");

        // A return without per-section reasons is not a return: the generic fire refuses it and names the page.
        var generic = await auditor2.PostAsJsonAsync($"/api/workflows/instances/{zhaoInstance}/fire", new { trigger = "return", reason = "材料不全" });
        generic.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await generic.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("须在审核人的材料审核页面");
        (await StateOfAsync(zhaoInstance)).Should().Be("Submitted");

        var byApplicant = await applicant3.PostAsJsonAsync($"/api/applications/{zhao}/dossier/approve", new { });
        byApplicant.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var wrongState = await applicant3.PostAsJsonAsync($"/api/applications/{zhao}/dossier/submit", new { });
        wrongState.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await wrongState.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("待单位审核");
    }

    [Test]
    public async Task UpdateStage_WithBadWindow_Is400_AndAValidOneMovesIt()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var today = BeijingTime.Today(TimeProvider.System);
        var opens = today.AddDays(-6).ToString("yyyy-MM-dd");

        var dayBefore = today.AddDays(-7).ToString("yyyy-MM-dd");
        var bad = await office.PutAsJsonAsync($"/api/campaigns/{_year}/stages/filing", new { opensAt = $"{opens}T00:00:00", lastSecond = $"{dayBefore}T23:59:59" });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("closesAt")[0].GetString().Should().Be("结束时间必须晚于开始时间。");

        var malformed = await office.PutAsJsonAsync($"/api/campaigns/{_year}/stages/filing", new { opensAt = "明天", lastSecond = $"{dayBefore}T23:59:59" });
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var newClose = today.AddDays(30).ToString("yyyy-MM-dd");
        var good = await office.PutAsJsonAsync($"/api/campaigns/{_year}/stages/filing", new { opensAt = $"{opens}T00:00:00", lastSecond = $"{newClose}T23:59:59" });
        good.StatusCode.Should().Be(HttpStatusCode.OK);
        var filing = (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "filing");
        BeijingTime.Format(filing.GetProperty("lastSecond").GetDateTimeOffset()).Should().Be($"{newClose} 23:59:59");

        using var scope = _factory.Services.CreateScope();
        var timers = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkflowBookmarks
            .Where(b => b.DueExpression == "close:filing" && b.Status == Domain.Workflows.BookmarkStatus.Pending).ToListAsync();
        timers.Should().NotBeEmpty().And.OnlyContain(b => b.DueAt == BeijingTime.StartOfDay(today.AddDays(31)));
    }

    [Test]
    public async Task ExportedTimeline_IsJsonWithExactInstants()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync($"/api/campaigns/{_year}/timeline/export");

        response.Content.Headers.ContentDisposition!.FileName.Should().Be($"timeline-{_year}.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("year").GetInt32().Should().Be(_year);
        json.RootElement.GetProperty("stages")[0].GetProperty("opensAt").GetString().Should().EndWith("+08:00");
    }

    private async Task<string> StateOfAsync(Guid instanceId)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.State).SingleAsync();
    }

    private async Task<Guid> ApplicationIdAsync(string applicantName)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instance = await InstanceIdAsync(applicantName);
        return await db.WorkflowInstances.Where(i => i.Id == instance).Select(i => i.SubjectId).SingleAsync();
    }

    private async Task<Guid> InstanceIdAsync(string applicantName)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from i in db.WorkflowInstances
                      join c in db.Campaigns on i.CampaignId equals c.Id
                      where c.Year == _year && i.SubjectType == "Application" && i.SubjectTitle.StartsWith(applicantName)
                      select i.Id).SingleAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Documents;

/// <summary>The auditor's publicity page through the real pipeline, on the current demo campaign.</summary>
public class PublicityPageTests
{
    /// <summary>A fixed day, so that the 5 working days never run into a year without a holiday calendar.</summary>
    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private FakeTimeProvider _clock = null!;
    private TitleReviewFactory _factory = null!;

    /// <summary>A clock of its own for each test: a test that moves it forward leaves the others on the fixed day.</summary>
    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(Monday15June2026);
        _factory = new TitleReviewFactory(clock: _clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Auditor_ApprovesStartsPublicity_AndCannotSubmitBeforeTheResult()
    {
        var year = 2026;
        Guid zhao;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            zhao = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == year && a.ApplicantName == "赵强" select a.Id).SingleAsync();
        }

        var auditor = await SignedInClientAsync(_factory, "auditor2");
        await ApproveAsync(auditor, zhao);

        var page = await auditor.GetStringAsync("/Auditor/Publicity");
        page.Should().Contain("赵强（高级政工师）");
        var today = BeijingTime.Today(_clock);
        var response = await auditor.PostAsync("/Auditor/Publicity?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["applicationIds"] = zhao.ToString(),
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var end = _factory.Services.GetRequiredService<WorkingDayCalendar>().EndOfPeriod(today, 5);
        end.Should().Be(new DateOnly(2026, 6, 22), "Jun 15–18, then the Dragon Boat holiday Jun 19–21, then Jun 22");
        var after = await auditor.GetStringAsync("/Auditor/Publicity");
        after.Should().Contain($"已开始公示 1 人：{today:yyyy年M月d日} 至 {end:yyyy年M月d日}（5 个工作日）");
        after.Should().Contain($"公示结束后（{end.AddDays(1):yyyy-MM-dd} 起）记录公示结果");

        var submit = await auditor.PostAsJsonAsync("/api/publicity/submit-to-office", new { applicationIds = new[] { zhao } });
        submit.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("未报送。赵强：尚未记录单位公示结果，不能报送（只有公示无异议的材料才能报送省政工职评办）。");

        var record = await auditor.PostAsJsonAsync($"/api/applications/{zhao}/publicity/result", new { outcome = "NoObjection" });
        record.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await record.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("结束后才能记录公示结果");
    }

    [Test]
    public async Task ApiStart_WithABackDatedStartDate_StartsToday_AndTheResultWaitsForTheEnd()
    {
        var zhao = await ZhaoAsync();
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        await ApproveAsync(auditor, zhao);

        var start = await auditor.PostAsJsonAsync("/api/publicity/start", new { applicationIds = new[] { zhao }, startDate = "2020-01-06" });

        start.StatusCode.Should().Be(HttpStatusCode.OK);
        var started = await start.Content.ReadFromJsonAsync<JsonElement>();
        started.GetProperty("start").GetString().Should().Be("2026-06-15", "the server's today, whatever date was sent");
        started.GetProperty("end").GetString().Should().Be("2026-06-22");

        // A week on, the sign-in has expired: the auditor signs in again.
        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2026, 6, 22, 23, 59, 59)));
        auditor = await SignedInClientAsync(_factory, "auditor2");
        var early = await auditor.PostAsJsonAsync($"/api/applications/{zhao}/publicity/result", new { outcome = "NoObjection" });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("单位公示期至 2026年6月22日 结束，结束后才能记录公示结果。");

        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2026, 6, 23, 0, 0, 0)));
        auditor = await SignedInClientAsync(_factory, "auditor2");
        (await auditor.PostAsJsonAsync($"/api/applications/{zhao}/publicity/result", new { outcome = "NoObjection" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<Guid> ZhaoAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2026 && a.ApplicantName == "赵强" select a.Id).SingleAsync();
    }

    /// <summary>As on the review page: the auditor opens every scan, ticks every item and approves.</summary>
    private static async Task ApproveAsync(HttpClient auditor, Guid applicationId)
    {
        var dossier = await auditor.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}/dossier");
        foreach (var scan in dossier.GetProperty("attachments").EnumerateArray())
        {
            (await auditor.GetAsync($"/files/{scan.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        foreach (var item in dossier.GetProperty("mandatory").EnumerateArray())
        {
            (await auditor.PostAsJsonAsync($"/api/applications/{applicationId}/dossier/verifications", new { itemKey = item.GetProperty("key").GetString(), verified = true }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await auditor.PostAsJsonAsync($"/api/applications/{applicationId}/dossier/approve", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Workflow;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Workflows;

/// <summary>
/// Bulk operations from the monitor and the API, on the demo's 2023 campaign: 张丽 never
/// submitted (closed at filing's close), 李华 and 赵强 were submitted to the office. The job is
/// run here, by the test, rather than by the host's Hangfire worker.
/// </summary>
public class BulkOperationWebTests
{
    private const string Reason = "单位申报系统故障，经核实予以补交";
    // The preliminary review passed 李华 and failed 赵强, published Oct 9–13, 2023; 赵强 was passed on his
    // supplement, both went to the committee, and the committee passed both on Dec 6, 2023.
    private const string LiWrongState = "当前状态为“评审通过”，不能执行“特例重新开放”。";
    private const string ZhaoWrongState = LiWrongState;

    // 周婷 was vetoed on an integrity case while her unit reviewed her dossier (Aug 28, 2023).
    private const string ZhouWrongState = "当前状态为“一票否决（评审未通过）”，不能执行“特例重新开放”。";

    private TitleReviewFactory _factory = null!;
    private RecordingQueue _queue = null!;
    private HttpClient _office = null!;

    [SetUp]
    public async Task SetUp()
    {
        _queue = new RecordingQueue();
        _factory = new TitleReviewFactory(
            settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" },
            services: s => s.AddSingleton<IBulkOperationQueue>(_queue));
        _office = await SignedInClientAsync(_factory, "office");
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Office_ReopensByTheMonitorsFilter_AndTheBatchPageListsEveryOutcome()
    {
        var monitor = await _office.GetStringAsync("/Office/Workflows?year=2023&definition=application");
        monitor.Should().Contain("对全部 4 个符合条件的实例批量操作").And.Contain("aria-label=\"选择 张丽 · 助理政工师\"");

        const string bulkPath = "/Office/Workflows/Bulk?year=2023&definition=application";
        var bulk = await _office.GetStringAsync(bulkPath);
        bulk.Should().Contain("2023 年度 · 个人申报：符合条件的 4 个实例")
            .And.Contain("特例重新开放（适用于 1 个实例，须填写原因，须填写开放截止时间）");

        var withoutReason = await _office.PostAsync(bulkPath, Form(bulk, ("trigger", "reopen"), ("reason", " "), ("until", UntilInput())));
        withoutReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await withoutReason.Content.ReadAsStringAsync()).Should().Contain("请填写“特例重新开放”的原因。");
        _queue.Enqueued.Should().BeEmpty("nothing was created");

        var created = await _office.PostAsync(bulkPath, Form(bulk, ("trigger", "reopen"), ("reason", Reason), ("until", UntilInput())));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var batchPath = created.Headers.Location!.ToString();
        batchPath.Should().MatchRegex("^/Office/Workflows/Batch/[0-9a-f-]{36}$");
        var batchId = _queue.Enqueued.Should().ContainSingle().Subject;
        batchPath.Should().EndWith(batchId.ToString());

        var waiting = await _office.GetStringAsync(batchPath);
        waiting.Should().Contain("等待执行").And.Contain("http-equiv=\"refresh\"");

        await RunJobAsync(batchId);

        var done = await _office.GetStringAsync(batchPath);
        done.Should().Contain("<strong id=\"batch-status\">已完成</strong>").And.NotContain("http-equiv=\"refresh\"");
        Row(done, "张丽 · 助理政工师").Should().Contain("已执行").And.Contain("未提交（申报期已截止） → 填报中");
        Row(done, "李华 · 政工师").Should().Contain("未执行").And.Contain(LiWrongState);
        Row(done, "赵强 · 高级政工师").Should().Contain("未执行").And.Contain(ZhaoWrongState);
        Row(done, "周婷 · 政工师").Should().Contain("未执行").And.Contain(ZhouWrongState);
        (await _office.GetStringAsync($"{batchPath}?outcome=Refused")).Should().NotContain("张丽 · 助理政工师");

        var list = await _office.GetStringAsync("/Office/Workflows/Batches");
        list.Should().Contain(batchId.ToString()).And.Contain("特例重新开放").And.Contain("已完成");
    }

    [Test]
    public async Task TickedSelectionWithNothingTicked_SaysSo_AndOtherRolesAreTurnedAway()
    {
        var bulk = await _office.GetStringAsync("/Office/Workflows/Bulk?ticked=true&year=2023&definition=application");
        bulk.Should().Contain("个人申报：勾选的 0 个实例").And.Contain("没有选中任何流程实例").And.NotContain("批量执行</button>");

        var auditor = await SignedInClientAsync(_factory, "auditor1");
        foreach (var path in new[] { "/Office/Workflows/Bulk?year=2023&definition=application", "/Office/Workflows/Batches" })
        {
            (await auditor.GetAsync(path)).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied", path);
        }

        var api = await auditor.PostAsJsonAsync("/api/workflows/bulk-operations", new { year = 2023, definitionId = "application", trigger = "reopen", reason = Reason });
        api.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Api_CreatesABatchByTicks_Answers202_AndReportsItsOutcomes()
    {
        using var list = JsonDocument.Parse(await _office.GetStringAsync("/api/workflows/instances?year=2023&definitionId=application"));
        var ids = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

        var invalid = await _office.PostAsJsonAsync("/api/workflows/bulk-operations", new { definitionId = "application", instanceIds = ids, trigger = "reopen" });
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("reason")[0].GetString().Should().Be("请填写“特例重新开放”的原因。");
        errors.GetProperty("until")[0].GetString().Should().Be("请填写特例开放的截止时间。");

        var created = await _office.PostAsJsonAsync("/api/workflows/bulk-operations", new { definitionId = "application", instanceIds = ids, trigger = "reopen", reason = Reason, until = UntilInput() });
        created.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().Should().Be($"/api/workflows/bulk-operations/{id}");

        await RunJobAsync(id);

        using var batch = JsonDocument.Parse(await _office.GetStringAsync($"/api/workflows/bulk-operations/{id}"));
        var root = batch.RootElement;
        root.GetProperty("status").GetString().Should().Be("Completed");
        root.GetProperty("selection").GetString().Should().Be("个人申报：勾选的 4 个实例");
        (root.GetProperty("total").GetInt32(), root.GetProperty("fired").GetInt32(), root.GetProperty("refused").GetInt32()).Should().Be((4, 1, 3));
        var items = root.GetProperty("items").GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("instanceId").GetGuid()).Should().Equal(ids);
        items.Where(i => i.GetProperty("outcome").GetString() == "Refused").Select(i => i.GetProperty("message").GetString()).Should().BeEquivalentTo([ZhaoWrongState, LiWrongState, ZhouWrongState]);
    }

    private async Task RunJobAsync(Guid batchId)
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BulkOperationJob>().RunAsync(batchId, CancellationToken.None);
    }

    /// <summary>A week from now, Beijing time, as a datetime-local input sends it.</summary>
    private static string UntilInput() =>
        BeijingTime.ToBeijing(TimeProvider.System.GetUtcNow().AddDays(7)).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string Row(string html, string subject) =>
        Regex.Match(html, $"<tr[^>]*>(?:(?!</tr>).)*{Regex.Escape(subject)}(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;

    /// <summary>The page's own form fields are posted back with the test's.</summary>
    private static FormUrlEncodedContent Form(string pageWithForm, params (string Key, string Value)[] fields)
    {
        var hidden = Regex.Matches(pageWithForm, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(f => f.Key != "__RequestVerificationToken");
        return new FormUrlEncodedContent(hidden
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", ReadAntiforgeryToken(pageWithForm))));
    }

    private sealed class RecordingQueue : IBulkOperationQueue
    {
        public List<Guid> Enqueued { get; } = [];

        public void Enqueue(Guid operationId) => Enqueued.Add(operationId);
    }
}

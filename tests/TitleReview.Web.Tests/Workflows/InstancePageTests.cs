using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Workflows;

/// <summary>The monitor's instance page for a subject type of ADR 15, with a mark and a timer counted from it.</summary>
public class InstancePageTests
{
    private string _workflows = string.Empty;

    [SetUp]
    public void CopyWorkflowsWithTestDefinitions()
    {
        _workflows = Path.Combine(Path.GetTempPath(), "titlereview-wf-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(AppContext.BaseDirectory, "workflows");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_workflows, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var definitions = Path.Combine(_workflows, WorkflowDefinitionLoader.DefinitionsFolderName);
        var lockPath = Path.Combine(definitions, WorkflowDefinitionLoader.LockFileName);
        var pins = JsonNode.Parse(File.ReadAllText(lockPath))!;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestDefinitions"), "*.json"))
        {
            var text = File.ReadAllText(file);
            var node = JsonNode.Parse(text)!;
            pins[$"{(string)node["definitionId"]!}@{(int)node["version"]!}"] = WorkflowDefinitionLoader.Sha256(text);
            File.WriteAllText(Path.Combine(definitions, Path.GetFileName(file)), text);
        }

        File.WriteAllText(lockPath, pins.ToJsonString());
    }

    [TearDown]
    public void Delete() => Directory.Delete(_workflows, recursive: true);

    [Test]
    public async Task CommitteeSession_ShowsItsTypeItsMarkAndItsTimerInChinese()
    {
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { [StoragePaths.WorkflowsFolderKey] = _workflows });
        var office = await SignedInClientAsync(factory, "office");
        var defenseAt = BeijingTime.FromBeijing(new DateTime(2031, 12, 6, 14, 0, 0));
        Guid instanceId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            var actor = new WorkflowActor("office-test", "陈静", [Roles.Office]);
            var instance = await engine.StartAsync("testDefense", new WorkflowSubject(WorkflowSubjectTypes.CommitteeSession, Guid.NewGuid(), "答辩第一组"), actor);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            await engine.SetMarkAsync(instance.Id, "defenseAt", defenseAt, actor);
            instanceId = instance.Id;
        }

        var page = await office.GetStringAsync($"/Office/Workflows/Instance/{instanceId}");

        page.Should().Contain("评委会评审会议")
            .And.Contain("时间标记").And.Contain("答辩时间").And.Contain("2031-12-06 14:00:00")
            .And.Contain("“答辩时间”前 7 天").And.Contain("2031-11-29 14:00:00")
            .And.Contain("设定时间标记");
    }
}

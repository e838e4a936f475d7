using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>
/// The 2023 campaign on a copy of the workflows folder that also holds the test-only
/// definitions of <c>Workflows/TestDefinitions</c>, each pinned in the copy's lock file.
/// </summary>
public abstract class TestDefinitionsTestBase : WorkflowTestBase
{
    private string? _workflows;

    public static string TestDefinitionsFolder => Path.Combine(AppContext.BaseDirectory, "Workflows", "TestDefinitions");

    protected override bool ConfirmDemoUnits => false;

    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>
    {
        [StoragePaths.WorkflowsFolderKey] = _workflows ??= CopyWithTestDefinitions(),
    };

    [TearDown]
    public void DeleteWorkflowsCopy()
    {
        if (_workflows is not null)
        {
            Directory.Delete(_workflows, recursive: true);
            _workflows = null;
        }
    }

    /// <summary>Copies the shipped workflows folder and adds every test definition with its pin.</summary>
    public static string CopyWithTestDefinitions()
    {
        var copy = Path.Combine(Path.GetTempPath(), "titlereview-workflows-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(WorkflowsFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(WorkflowsFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var definitions = Path.Combine(copy, WorkflowDefinitionLoader.DefinitionsFolderName);
        var lockPath = Path.Combine(definitions, WorkflowDefinitionLoader.LockFileName);
        var pins = JsonNode.Parse(File.ReadAllText(lockPath))!;
        foreach (var file in Directory.GetFiles(TestDefinitionsFolder, "*.json"))
        {
            var text = File.ReadAllText(file);
            var node = JsonNode.Parse(text)!;
            pins[$"{(string)node["definitionId"]!}@{(int)node["version"]!}"] = WorkflowDefinitionLoader.Sha256(text);
            File.WriteAllText(Path.Combine(definitions, Path.GetFileName(file)), text);
        }

        File.WriteAllText(lockPath, pins.ToJsonString());
        return copy;
    }

    /// <summary>Starts an instance of a test definition as the office would, and saves it.</summary>
    protected async Task<Guid> StartTestInstanceAsync(string definitionId, string subjectType, string title, Guid? campaignId)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(async sp =>
        {
            var instance = await sp.GetRequiredService<IWorkflowEngine>().StartAsync(
                definitionId,
                new WorkflowSubject(subjectType, Guid.NewGuid(), title, CampaignId: campaignId),
                office);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return instance.Id;
        });
    }

    protected async Task SetMarkAsync(Guid instanceId, string mark, DateTimeOffset at)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().SetMarkAsync(instanceId, mark, at, office));
    }

    protected Task<List<WorkflowMark>> MarksAsync(Guid instanceId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowMarks.AsNoTracking()
            .Where(m => m.InstanceId == instanceId).ToListAsync());
}

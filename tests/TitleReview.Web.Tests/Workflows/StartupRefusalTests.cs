using System.Text.Json.Nodes;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Workflows;

/// <summary>Start-up refuses definitions it cannot trust, with a message naming the file.</summary>
public class StartupRefusalTests
{
    private string _workflows = string.Empty;

    [SetUp]
    public void CopyWorkflows()
    {
        _workflows = Path.Combine(Path.GetTempPath(), "titlereview-wf-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(AppContext.BaseDirectory, "workflows");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = file.Replace(source, _workflows, StringComparison.Ordinal);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void Delete() => Directory.Delete(_workflows, recursive: true);

    [Test]
    public void EditedDefinitionUnderExistingVersion_StopsStartUpNamingTheFile()
    {
        Edit("application.v1.json", n => n["title"] = "被改动的定义");
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { [StoragePaths.WorkflowsFolderKey] = _workflows });

        var start = () => factory.CreateClient();

        start.Should().Throw<Exception>().Where(e => Flatten(e).Contains("workflows/definitions/application.v1.json"));
    }

    [Test]
    public void UnknownGuard_StopsStartUpNamingTheFile()
    {
        Edit("campaign.v1.json", n => n["transitions"]![0]!["guards"] = new JsonArray("Tomorrow"), repin: true);
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { [StoragePaths.WorkflowsFolderKey] = _workflows });

        var start = () => factory.CreateClient();

        start.Should().Throw<Exception>().Where(e => Flatten(e).Contains("campaign.v1.json") && Flatten(e).Contains("unknown guard 'Tomorrow'"));
    }

    [Test]
    public void VersionChangedAfterThisDatabaseRegisteredIt_StopsStartUp()
    {
        var data = TitleReviewFactory.NewDataFolder();
        var settings = new Dictionary<string, string?> { [StoragePaths.WorkflowsFolderKey] = _workflows };
        using (var first = new TitleReviewFactory(dataFolder: data, settings: settings))
        {
            first.CreateClient().Dispose();
        }

        // Someone edits a published version and re-pins the lock file to hide it.
        Edit("application.v1.json", n => n["title"] = "悄悄改动", repin: true);
        using var second = new TitleReviewFactory(dataFolder: data, settings: settings);

        var start = () => second.CreateClient();

        start.Should().Throw<Exception>().Where(e => Flatten(e).Contains("application.v1.json") && Flatten(e).Contains("this database registered"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private void Edit(string file, Action<JsonNode> edit, bool repin = false)
    {
        var path = Path.Combine(_workflows, "definitions", file);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        var text = node.ToJsonString();
        File.WriteAllText(path, text);
        if (repin)
        {
            var lockPath = Path.Combine(_workflows, "definitions", "definitions.lock.json");
            var pins = JsonNode.Parse(File.ReadAllText(lockPath))!;
            pins[$"{node["definitionId"]}@{node["version"]}"] = TitleReview.Infrastructure.Workflow.WorkflowDefinitionLoader.Sha256(text);
            File.WriteAllText(lockPath, pins.ToJsonString());
        }
    }

    private static string Flatten(Exception e) => e.ToString();
}

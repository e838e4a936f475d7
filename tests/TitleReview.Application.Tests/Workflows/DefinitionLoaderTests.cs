using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>Definitions are data: every broken file stops start-up with a message naming it.</summary>
public class DefinitionLoaderTests : ApplicationTestBase
{
    private string _folder = string.Empty;

    [SetUp]
    public void CopyWorkflowsFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "titlereview-defs-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(WorkflowsFolder, _folder);
    }

    [TearDown]
    public void DeleteCopy() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void ShippedDefinitions_Load()
    {
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();

        definitions.All.Select(d => d.Key).Should().Contain(["campaign@1", "application@1"]);
        definitions.Latest("application").InitialState.Should().Be("Draft");
    }

    [Test]
    public void UnknownGuard_StopsLoadingNamingTheFile()
    {
        EditApplication(node => node["transitions"]![0]!["guards"] = new JsonArray("WindowAjar:filing"), repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*workflows/definitions/application.v1.json*unknown guard 'WindowAjar'*");
    }

    [Test]
    public void EditedFileUnderAnExistingVersion_StopsLoadingNamingTheFile()
    {
        EditApplication(node => node["title"] = "个人申报（改）", repin: false);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*workflows/definitions/application.v1.json*application@1 changed*add a new version*");
    }

    [Test]
    public void UnknownRole_StopsLoading()
    {
        EditApplication(node => node["transitions"]![0]!["roles"] = new JsonArray("Director"), repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*unknown role 'Director'*");
    }

    [Test]
    public void UnknownState_StopsLoading()
    {
        EditApplication(node => node["transitions"]![0]!["to"] = "Nowhere", repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*unknown state 'Nowhere'*");
    }

    [Test]
    public void UnknownStageInAGuard_StopsLoading()
    {
        EditApplication(node => node["transitions"]![0]!["guards"] = new JsonArray("WindowOpen:lunch"), repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*unknown stage 'lunch'*");
    }

    [Test]
    public void SchemaViolation_StopsLoadingWithTheLocation()
    {
        EditApplication(node => node.AsObject().Remove("states"), repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*does not match the schema*");
    }

    [Test]
    public void NewVersionNotInTheLockFile_StopsLoading()
    {
        var path = Path.Combine(_folder, "definitions", "application.v99.json");
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "definitions", "application.v1.json")))!;
        node["version"] = 99;
        File.WriteAllText(path, node.ToJsonString());

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v99.json*application@99 is not in definitions.lock.json*");
    }

    private void Load() => new WorkflowDefinitionLoader(Services.GetServices<IWorkflowGuard>()).LoadFolder(_folder);

    private void EditApplication(Action<JsonNode> edit, bool repin)
    {
        var path = Path.Combine(_folder, "definitions", "application.v1.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        var text = node.ToJsonString();
        File.WriteAllText(path, text);
        if (repin)
        {
            var lockPath = Path.Combine(_folder, "definitions", WorkflowDefinitionLoader.LockFileName);
            var pins = JsonNode.Parse(File.ReadAllText(lockPath))!;
            pins["application@1"] = WorkflowDefinitionLoader.Sha256(text);
            File.WriteAllText(lockPath, pins.ToJsonString());
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}

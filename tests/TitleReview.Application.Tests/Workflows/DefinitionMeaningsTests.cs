using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;
using TitleReview.Infrastructure.Workflow;
using TitleReview.Tests.Fixtures;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>Capabilities, operations, actions and migrations are checked at start-up, and older versions inherit their meanings.</summary>
public class DefinitionMeaningsTests : ApplicationTestBase
{
    private WorkflowsFolderCopy _workflows = null!;

    [SetUp]
    public void CopyWorkflowsFolder() => _workflows = new WorkflowsFolderCopy();

    [TearDown]
    public void DeleteCopy() => _workflows.Dispose();

    [Test]
    public void OlderVersions_MeanWhatTheVersionMigratingFromThemSays()
    {
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        foreach (var version in new[] { 1, 2, 3 })
        {
            var old = definitions.Get("application", version);
            old.Has("Draft", StateCapabilities.ApplicantMayEdit).Should().BeTrue($"application@{version}'s draft is editable");
            old.Has("Submitted", StateCapabilities.AwaitingUnitReview).Should().BeTrue();
            old.Has("SubmittedToOffice", StateCapabilities.SubmittedToOffice).Should().BeTrue();
            old.Transition("approve", "Submitted")!.Operation.Should().Be(WorkflowOperations.ApproveDossier);
            old.Transition("approve", "Submitted")!.Actions.Should().Equal(WorkflowActions.SnapshotDossier);
            old.Transition("reopen", "NotSubmitted")!.Operation.Should().BeNull("reopening is complete by itself");
        }

        definitions.Get("unitRegistration", 1).Transition("approve", "Registered")!.Operation.Should().Be(WorkflowOperations.ApproveRegistration);
        definitions.StatesWith("application", StateCapabilities.ApplicantMayEdit).Should().BeEquivalentTo(["Draft", "Returned"]);
    }

    [Test]
    public void EveryDeclaredAction_HasExactlyOneImplementation()
    {
        using var scope = Services.CreateScope();
        var actions = scope.ServiceProvider.GetServices<IWorkflowAction>().Select(a => a.Name).ToList();

        actions.Should().BeEquivalentTo(WorkflowActions.All);
    }

    [TestCase("capabilities", "canFly", "unknown capability 'canFly'")]
    [TestCase("operation", "FlyAway", "unknown operation 'FlyAway'")]
    [TestCase("actions", "SendFlowers", "unknown action 'SendFlowers'")]
    public void AnUnknownMeaning_StopsLoadingNamingTheFile(string property, string value, string message)
    {
        _workflows.EditDefinition("application.v4.json", node =>
        {
            if (property == "capabilities")
            {
                node["states"]![0]!["capabilities"] = new JsonArray(value);
            }
            else if (property == "operation")
            {
                node["transitions"]![0]!["operation"] = value;
            }
            else
            {
                node["transitions"]![0]!["actions"] = new JsonArray(value);
            }
        });

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage($"*application.v4.json*{message}*");
    }

    [Test]
    public void AnOperationOnATimersTransition_StopsLoading()
    {
        _workflows.EditDefinition("application.v4.json", node =>
        {
            var closeFiling = node["transitions"]!.AsArray().First(t => (string)t!["trigger"]! == "closeFiling")!;
            closeFiling["operation"] = WorkflowOperations.SubmitDossier;
        });

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v4.json*the system may fire it*");
    }

    [Test]
    public void AMigrationFromAStateTheOldVersionDoesNotHave_OrOntoAnUnknownState_StopsLoading()
    {
        _workflows.EditDefinition("application.v4.json", node => node["migrateFrom"] = JsonNode.Parse("""[{ "version": 3, "states": { "Ghost": "Draft" } }]"""));
        ((Action)Load).Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v4.json*maps state 'Ghost', which that version does not have*");

        _workflows.EditDefinition("application.v4.json", node => node["migrateFrom"] = JsonNode.Parse("""[{ "version": 3, "states": { "Draft": "Nowhere" } }]"""));
        ((Action)Load).Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v4.json*onto unknown state 'Nowhere'*");
    }

    [Test]
    public void AStateThatMeansSomethingElseInAnotherVersion_StopsLoading()
    {
        _workflows.EditDefinition("application.v3.json", node => node["states"]![0]!["capabilities"] = new JsonArray(StateCapabilities.SubmittedToOffice));

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*state 'Draft' means different things in different versions*");
    }

    private void Load() => new WorkflowDefinitionLoader(GuardCatalogue.Standard).LoadFolder(_workflows.Path);
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Domain.Workflows.Guards;
using TitleReview.Infrastructure.Workflow;
using TitleReview.Tests.Fixtures;

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
    public void GuardWithoutAChineseDisplayName_StopsLoading()
    {
        var parsers = GuardCatalogue.Standard.Names.ToDictionary(name => name, name => (Func<string?, GuardSpec>)(argument => Standard(name, argument)));
        parsers[DossierCompleteGuard.Name] = _ => new EnglishNamedGuard();

        var act = () => new WorkflowDefinitionLoader(new GuardCatalogue(parsers)).LoadFolder(_folder);

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*application.v2.json*guard 'DossierComplete' of transition 'submit' has no Chinese display name ('Dossier complete')*");

        static GuardSpec Standard(string name, string? argument) =>
            GuardCatalogue.Standard.TryParse(argument is null ? name : $"{name}:{argument}", out var spec, out var problem) ? spec : throw new FormatException(problem);
    }

    [Test]
    public void GuardWithAWrongArgument_StopsLoadingNamingGuardAndTransition()
    {
        EditApplication(node => node["transitions"]![0]!["guards"] = new JsonArray("DossierComplete:now"), repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*guard 'DossierComplete:now' of transition '*': takes no argument*");
    }

    [Test]
    public void ShippedGuards_AreParsedOnceIntoTypedSpecs()
    {
        var submit = Services.GetRequiredService<IWorkflowDefinitions>().Latest("application").Transitions.First(t => t.Operation == WorkflowOperations.SubmitDossier);

        submit.Guards.Should().Equal(new WindowOpenGuard(StageKeys.Filing), new DossierCompleteGuard());
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

    [Test]
    public void TimerOnAnUndeclaredMark_StopsLoadingNamingTheFile()
    {
        EditApplication(node => node["states"]![0]!["timers"]![0]!["at"] = "7d before mark:defenseAt", repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*workflows/definitions/application.v1.json*timer 'closeFiling' of state 'Draft' names undeclared mark 'defenseAt' (declared in marks: none)*");
    }

    [Test]
    public void TransitionRecordingAnUndeclaredMark_StopsLoadingNamingTheFile()
    {
        EditApplication(
            node =>
            {
                node["marks"] = new JsonArray(new JsonObject { ["name"] = "returnedAt", ["displayName"] = "退回时间" });
                node["transitions"]![0]!["records"] = new JsonArray("submittedAt");
            },
            repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*workflows/definitions/application.v1.json*transition 'submit' records undeclared mark 'submittedAt' (declared in marks: returnedAt)*");
    }

    [Test]
    public void TimerCountOutOfRange_StopsLoadingNamingTheFile()
    {
        EditApplication(node => node["states"]![0]!["timers"]![0]!["at"] = "400wd after close:filing", repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*workflows/definitions/application.v1.json*timer 'closeFiling' of state 'Draft': '400wd after close:filing': the number of days must be between 1 and 365*");
    }

    [Test]
    public void MalformedTimerExpression_StopsLoadingAtTheSchemaNamingTheFileAndThePlace()
    {
        EditApplication(node => node["states"]![0]!["timers"]![0]!["at"] = "5 wd after close:filing", repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*workflows/definitions/application.v1.json*does not match the schema*/states/0/timers/0/at*");
    }

    [Test]
    public void RelativeTimerOnAnUnknownStage_StopsLoadingNamingTheFile()
    {
        EditApplication(node => node["states"]![0]!["timers"]![0]!["at"] = "2wd before open:lunch", repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*unknown stage 'lunch'*");
    }

    [Test]
    public void UnknownSubjectType_StopsLoadingNamingTheFile()
    {
        EditApplication(node => node["subjectType"] = "Meeting", repin: true);

        var act = Load;

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*workflows/definitions/application.v1.json*subjectType 'Meeting' is not a known subject type (known: *CommitteeSession*IntegrityCase*)*");
    }

    [Test]
    public void TestDefinitions_WithMarksRecordsAndNewSubjectTypes_Load()
    {
        var folder = TestDefinitionsTestBase.CopyWithTestDefinitions();
        try
        {
            var definitions = new WorkflowDefinitionLoader(GuardCatalogue.Standard).LoadFolder(folder);

            var batch = definitions.Single(d => d.Key == "testPublicityBatch@1");
            batch.SubjectType.Should().Be(WorkflowSubjectTypes.PublicityBatch);
            batch.Marks.Should().Equal(new MarkDefinition("publishedAt", "公示开始时间"));
            batch.Transition("publish", "Prepared")!.Records.Should().Equal("publishedAt");
            definitions.Single(d => d.Key == "testDefense@1").SubjectType.Should().Be(WorkflowSubjectTypes.CommitteeSession);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void CampaignVersion1_TakesItsStatesStagesInOrder_NamedAsTheStates()
    {
        var campaign = Services.GetRequiredService<IWorkflowDefinitions>().Get("campaign", 1);

        campaign.Stages.Stages.Should().HaveCount(12);
        campaign.Stages.Stages.Select(s => s.Key).Should().StartWith(["auditorRegistration", "auditorConfirmation", "filing", "unitPublicity"]);
        campaign.Stages.Stages.Should().OnlyContain(s => s.Within == null);
        campaign.Stages.NameOf("filing").Should().Be("申报人填报与单位审核");
        campaign.Stages.Stages[^1].Should().Be(new StageDefinition("certificates", "证件办理"));
    }

    [Test]
    public void CampaignVersionDeclaringStages_Loads_AndOtherDefinitionsMayNameItsStages()
    {
        using var workflows = new WorkflowsFolderCopy();
        workflows.PublishDefinition("campaign.v3.json");
        workflows.EditDefinition("application.v1.json", node => node["transitions"]![0]!["guards"] = new JsonArray("WindowOpen:resultsFeedback"));

        var definitions = LoadFolder(workflows.Path);

        var v3 = definitions.Single(d => d.Key == "campaign@3");
        v3.Stages.Stages.Should().HaveCount(14);
        v3.Stages.Find("resultsFeedback").Should().Be(new StageDefinition("resultsFeedback", "评审结果反馈", "results"));
        definitions.Single(d => d.Key == "campaign@2").Stages.Find("publicityFeedback").Should().Be(new StageDefinition("publicityFeedback", "公示结果反馈", "preliminaryReview"));
        definitions.Single(d => d.Key == "campaign@2").Stages.Contains("resultsFeedback").Should().BeFalse("version 2 keeps its thirteen stages");
        definitions.Single(d => d.Key == "campaign@1").Stages.Contains("publicityFeedback").Should().BeFalse("version 1 keeps its twelve stages");
        WorkflowDefinitionLoader.DeclaredStages(definitions).Contains("resultsFeedback").Should().BeTrue();
    }

    [Test]
    public void GuardNamingAStageNoCampaignVersionDeclares_StopsLoading()
    {
        using var workflows = new WorkflowsFolderCopy();
        workflows.EditDefinition("application.v1.json", node => node["transitions"]![0]!["guards"] = new JsonArray("WindowOpen:resultsFeedback"));

        var act = () => LoadFolder(workflows.Path);

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*unknown stage 'resultsFeedback'*");
    }

    [Test]
    public void CampaignTimerNamingAStageItsOwnVersionDoesNotDeclare_StopsLoading()
    {
        using var workflows = new WorkflowsFolderCopy();
        workflows.PublishDefinition("campaign.v3.json");
        workflows.EditDefinition("campaign.v1.json", node => node["states"]![0]!["timers"]![0]!["at"] = "open:resultsFeedback");

        var act = () => LoadFolder(workflows.Path);

        act.Should().Throw<WorkflowDefinitionException>()
            .WithMessage("*campaign.v1.json*timer 'advance' of state 'Planned' names unknown stage 'resultsFeedback' (not among this campaign definition's stages)*");
    }

    [Test]
    public void StageWithinAnUndeclaredStage_StopsLoading()
    {
        using var workflows = new WorkflowsFolderCopy();
        workflows.PublishDefinition("campaign.v3.json", node => node["stages"]![12]!["within"] = "lunch");

        var act = () => LoadFolder(workflows.Path);

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*campaign.v3.json*stage 'resultsFeedback' is within 'lunch'*");
    }

    [Test]
    public void StagesOnADefinitionThatIsNotACampaigns_StopLoading()
    {
        using var workflows = new WorkflowsFolderCopy();
        workflows.EditDefinition("application.v1.json", node => node["stages"] = new JsonArray(new JsonObject { ["key"] = "filing", ["name"] = "填报" }));

        var act = () => LoadFolder(workflows.Path);

        act.Should().Throw<WorkflowDefinitionException>().WithMessage("*application.v1.json*only a campaign definition*declares stages*");
    }

    private IReadOnlyList<WorkflowDefinition> LoadFolder(string folder) =>
        new WorkflowDefinitionLoader(GuardCatalogue.Standard).LoadFolder(folder);

    private void Load() => new WorkflowDefinitionLoader(GuardCatalogue.Standard).LoadFolder(_folder);

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

    private sealed record EnglishNamedGuard : GuardSpec
    {
        public override string Text => DossierCompleteGuard.Name;

        public override string DisplayName(StageCatalogue stages) => "Dossier complete";

        public override GuardResult Check(GuardContext context) => GuardResult.Pass;
    }
}

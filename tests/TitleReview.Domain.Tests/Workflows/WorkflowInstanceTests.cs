using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using static TitleReview.Domain.Tests.Workflows.TestWorkflow;

namespace TitleReview.Domain.Tests.Workflows;

/// <summary>The instance's rules, each broken once.</summary>
public class WorkflowInstanceTests
{
    private static readonly DateTimeOffset Now = DuringFiling;

    [Test]
    public void MigrateTo_WhenFinished_BreaksFinishedInstanceKeepsItsVersionRule()
    {
        var instance = Instance(Approved);

        AssertBrokenRule<FinishedInstanceKeepsItsVersionRule>(() => instance.MigrateTo(2, Approved, final: true, Now));
        instance.DefinitionVersion.Should().Be(1);
    }

    [TestCase(1)]
    [TestCase(0)]
    public void MigrateTo_TheSameOrAnOlderVersion_BreaksMigrationLeadsToANewerVersionRule(int version)
    {
        var instance = Instance();

        AssertBrokenRule<MigrationLeadsToANewerVersionRule>(() => instance.MigrateTo(version, Draft, final: false, Now));
    }

    [Test]
    public void MigrateTo_AStateThatKeepsItsName_KeepsItsEntryTime()
    {
        var instance = Instance();
        var entered = instance.StateEnteredAt;

        instance.MigrateTo(2, Draft, final: false, Now);

        (instance.DefinitionVersion, instance.State, instance.StateEnteredAt).Should().Be((2, Draft, entered));
    }

    [Test]
    public void ReopenUntil_NowOrEarlier_BreaksReopeningEndsAfterNowRule()
    {
        var instance = Instance();

        AssertBrokenRule<ReopeningEndsAfterNowRule>(() => instance.ReopenUntil(Now, Now));
        instance.ReopenedUntil.Should().BeNull();
    }

    [Test]
    public void EnterState_AFinalState_FinishesTheInstance()
    {
        var instance = Instance(Submitted);

        instance.EnterState(Approved, final: true, Now);

        (instance.Status, instance.SubStatus, instance.FinishedAt).Should().Be((WorkflowStatus.Finished, WorkflowSubStatus.Completed, Now));
    }

    [Test]
    public void EnterState_LeavingAFinalState_RunsAgain()
    {
        var instance = Instance(Approved);

        instance.EnterState(Returned, final: false, Now);

        (instance.Status, instance.SubStatus, instance.FinishedAt).Should().Be((WorkflowStatus.Running, WorkflowSubStatus.Waiting, (DateTimeOffset?)null));
    }

    [Test]
    public void EveryChange_RenewsTheConcurrencyToken()
    {
        var instance = Instance();
        var tokens = new List<Guid> { instance.ConcurrencyToken };

        instance.EnterState(Submitted, final: false, Now);
        tokens.Add(instance.ConcurrencyToken);
        instance.ReopenUntil(Now.AddDays(1), Now);
        tokens.Add(instance.ConcurrencyToken);
        instance.RecordIncident(Now);
        tokens.Add(instance.ConcurrencyToken);

        tokens.Should().OnlyHaveUniqueItems("two people acting on one case at once cannot both win");
    }

    [Test]
    public void RecordIncident_OnARunningInstance_FaultsIt_UntilTheIncidentsAreResolved()
    {
        var instance = Instance();

        instance.RecordIncident(Now);
        (instance.IncidentCount, instance.SubStatus).Should().Be((1, WorkflowSubStatus.Faulted));

        instance.IncidentsResolved(Now);
        instance.SubStatus.Should().Be(WorkflowSubStatus.Waiting);
    }

    [Test]
    public void RecordIncident_OnAFinishedInstance_LeavesItCompleted()
    {
        var instance = Instance(Approved);

        instance.RecordIncident(Now);

        (instance.IncidentCount, instance.SubStatus).Should().Be((1, WorkflowSubStatus.Completed));
    }

    private static void AssertBrokenRule<TRule>(Action action)
        where TRule : IBusinessRule
    {
        action.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<TRule>();
    }
}

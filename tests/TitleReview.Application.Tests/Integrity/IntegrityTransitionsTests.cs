using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Integrity;

/// <summary>The integrity decisions' ways through the latest application definition (application v9).</summary>
public class IntegrityTransitionsTests : ApplicationTestBase
{
    [Test]
    public void Veto_LeadsFromEveryStateThatHasNotEnded_ToAFinalStateMeaningVetoed_WithAReason()
    {
        var latest = Services.GetRequiredService<IWorkflowDefinitions>().Latest(ApplicationWorkflow.DefinitionId);

        foreach (var state in latest.States.Where(s => !s.Final))
        {
            var veto = latest.TransitionFor(WorkflowOperations.VetoApplication, state.Name);
            veto.Should().NotBeNull($"{state.Name} has not ended, so the office can veto it");
            veto!.RequiresReason.Should().BeTrue();
            veto.Guards.Should().BeEmpty("a veto comes at whatever stage the case is");
            latest.State(veto.To).Final.Should().BeTrue();
            latest.Has(veto.To, StateCapabilities.Vetoed).Should().BeTrue();
        }

        foreach (var state in latest.States.Where(s => s.Final))
        {
            latest.TransitionFor(WorkflowOperations.VetoApplication, state.Name).Should().BeNull($"{state.Name} has ended");
        }

        latest.States.Where(s => s.Capabilities.Contains(StateCapabilities.CommitteePassed)).Should().OnlyContain(s => !s.Final, "a veto can still reach a passed candidate");
    }

    [Test]
    public void ClearingACase_LeadsFromEveryStateWithAnOpenCase_ToAStateThatMayGoToTheCommittee()
    {
        var latest = Services.GetRequiredService<IWorkflowDefinitions>().Latest(ApplicationWorkflow.DefinitionId);
        var open = latest.StatesWith(StateCapabilities.IntegrityCaseOpen).ToList();

        open.Should().NotBeEmpty();
        foreach (var state in open)
        {
            var clear = latest.TransitionFor(WorkflowOperations.ClearIntegrityCase, state);
            clear.Should().NotBeNull();
            clear!.RequiresReason.Should().BeTrue();
            latest.Has(clear.To, StateCapabilities.CommitteeEligible).Should().BeTrue();
            latest.Has(clear.To, StateCapabilities.SpotCheckPassed).Should().BeTrue("the case reads as it would have without the mismatch");
            latest.Has(clear.To, StateCapabilities.IntegrityCaseOpen).Should().BeFalse();
        }
    }
}

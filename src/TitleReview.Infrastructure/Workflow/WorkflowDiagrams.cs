using System.Text;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Draws a definition as a Mermaid state diagram, every label in Chinese: states by their
/// display names, transitions by theirs, with who may fire them and the guards' display names.
/// </summary>
internal sealed class WorkflowDiagrams(IWorkflowDefinitions definitions) : IWorkflowDiagrams
{
    /// <summary>The node a transition to <c>@previous</c> points at.</summary>
    private const string PreviousNode = "PreviousState";

    public string Mermaid(string definitionId, int version, string? currentState = null)
    {
        var definition = definitions.Get(definitionId, version);
        var graph = new StringBuilder();
        graph.AppendLine("stateDiagram-v2");
        foreach (var state in definition.States)
        {
            graph.AppendLine($"    {state.Name} : {state.DisplayName}");
        }

        if (definition.Transitions.Any(t => t.To == WorkflowDefinition.PreviousState))
        {
            graph.AppendLine($"    {PreviousNode} : 此前所处状态");
        }

        graph.AppendLine($"    [*] --> {definition.InitialState}");
        foreach (var transition in definition.Transitions)
        {
            foreach (var from in transition.From)
            {
                var to = transition.To == WorkflowDefinition.PreviousState ? PreviousNode : transition.To;
                graph.AppendLine($"    {from} --> {to} : {transition.DisplayName} [{Describe(transition)}]");
            }
        }

        foreach (var final in definition.States.Where(s => s.Final))
        {
            graph.AppendLine($"    {final.Name} --> [*]");
        }

        if (currentState is not null && definition.HasState(currentState))
        {
            graph.AppendLine("    classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#1f2328");
            graph.AppendLine($"    class {currentState} current");
        }

        return graph.ToString();
    }

    /// <summary>"申报人，填报期间开放期间" rather than "Applicant 且 WindowOpen:filing".</summary>
    private string Describe(TransitionDefinition transition)
    {
        var who = transition.Roles.Select(r => r == WorkflowActor.SystemRole ? "系统时钟" : Roles.DisplayName(r));
        var when = transition.Guards.Select(g => g.DisplayName(definitions.Stages));
        return string.Join("，", when.Prepend(string.Join("/", who)));
    }
}

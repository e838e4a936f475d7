using System.Text;
using Stateless.Graph;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>Draws a definition with Stateless's Mermaid output, labelled with the states' Chinese names.</summary>
internal sealed class WorkflowDiagrams(IWorkflowDefinitions definitions) : IWorkflowDiagrams
{
    public string Mermaid(string definitionId, int version, string? currentState = null)
    {
        var definition = definitions.Get(definitionId, version);
        var state = definition.InitialState;
        var machine = WorkflowEngine.Build(definition, () => state, s => state = s, _ => true, () => null, t => t.DisplayName, Describe);
        var graph = new StringBuilder(MermaidGraph.Format(machine.GetInfo()));
        graph.AppendLine();
        foreach (var s in definition.States)
        {
            graph.AppendLine($"    {s.Name} : {s.DisplayName}");
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

    /// <summary>"申报人，填报期间" rather than "Applicant 且 WindowOpen:filing".</summary>
    private string Describe(TransitionDefinition transition)
    {
        var who = string.Join("/", transition.Roles.Select(r => r == WorkflowActor.SystemRole ? "系统时钟" : Roles.DisplayName(r)));
        var when = transition.Guards.Select(g =>
        {
            var (name, argument) = WorkflowDefinitionLoader.SplitGuard(g);
            var stage = argument is null ? string.Empty : definitions.Stages.NameOf(argument);
            return name switch
            {
                "WindowOpen" => $"{stage}开放期间",
                "WindowClosed" => $"{stage}截止后",
                "DossierComplete" => "材料齐全",
                "DossierVerified" => "逐项核验完毕",
                _ => g,
            };
        });
        return string.Join("，", when.Prepend(who));
    }
}

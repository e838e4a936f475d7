using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows;

/// <summary>Asks the definitions what a state means, so C# never names a state.</summary>
public static class StateMeanings
{
    /// <summary>Whether the instance's current state declares the capability in its definition version.</summary>
    public static bool Has(this IWorkflowDefinitions definitions, WorkflowInstance instance, string capability) =>
        definitions.Get(instance.DefinitionId, instance.DefinitionVersion).Has(instance.State, capability);

    /// <summary>Whether a state of a definition version declares the capability (for rows read by projection).</summary>
    public static bool Has(this IWorkflowDefinitions definitions, string definitionId, int version, string state, string capability) =>
        definitions.Get(definitionId, version).Has(state, capability);

    /// <summary>
    /// The names of the states that declare a capability in any version of a definition, for
    /// queries (<c>states.Contains(instance.State)</c>). A state name means the same in every
    /// version (the loader checks it), so the set is exact.
    /// </summary>
    public static string[] StatesWith(this IWorkflowDefinitions definitions, string definitionId, string capability) =>
        definitions.All
            .Where(d => d.DefinitionId == definitionId)
            .SelectMany(d => d.StatesWith(capability))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}

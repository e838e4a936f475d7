using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Infrastructure.Workflow;

internal sealed class WorkflowDefinitionRegistry(IReadOnlyList<WorkflowDefinition> definitions) : IWorkflowDefinitions
{
    private readonly IReadOnlyDictionary<string, WorkflowDefinition> _byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public IReadOnlyList<WorkflowDefinition> All => definitions;

    public StageCatalogue Stages { get; } = WorkflowDefinitionLoader.DeclaredStages(definitions);

    public WorkflowDefinition Get(string definitionId, int version) =>
        _byKey.TryGetValue($"{definitionId}@{version}", out var definition)
            ? definition
            : throw new InvalidOperationException($"Workflow definition {definitionId}@{version} is not loaded; instances pinned to it cannot run.");

    public WorkflowDefinition Latest(string definitionId) =>
        definitions.Where(d => d.DefinitionId == definitionId).MaxBy(d => d.Version)
            ?? throw new InvalidOperationException($"No workflow definition '{definitionId}' is loaded.");
}

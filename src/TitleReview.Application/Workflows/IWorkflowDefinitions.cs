using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Application.Workflows;

/// <summary>The definitions loaded and checked at start-up, by id and version.</summary>
public interface IWorkflowDefinitions
{
    IReadOnlyList<WorkflowDefinition> All { get; }

    WorkflowDefinition Get(string definitionId, int version);

    WorkflowDefinition Latest(string definitionId);

    /// <summary>Every stage some campaign definition version declares, named as the newest one names it.</summary>
    StageCatalogue Stages { get; }
}

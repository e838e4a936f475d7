using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Workflows.Guards;

/// <summary>
/// Loads, asynchronously and once per request, what guards need to know about an instance's
/// subject (for an application: what its dossier still lacks), into the typed facts the
/// transition is decided on.
/// </summary>
public interface IWorkflowFactProvider
{
    string SubjectType { get; }

    /// <returns><paramref name="facts"/> with this provider's part filled in.</returns>
    Task<WorkflowFacts> AddFactsAsync(WorkflowInstance instance, WorkflowFacts facts, CancellationToken cancellationToken);
}

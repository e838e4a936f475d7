using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows;

/// <summary>
/// Told of every transition before it is saved, to add its own changes to the same
/// transaction (for example the dossier's snapshot when a unit approves it).
/// </summary>
public interface IWorkflowTransitionObserver
{
    Task OnTransitionAsync(WorkflowInstance instance, string fromState, string trigger, DateTimeOffset now, CancellationToken cancellationToken);
}

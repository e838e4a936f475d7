using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows;

/// <summary>What an action knows about the transition it runs in.</summary>
public sealed record WorkflowActionContext(WorkflowInstance Instance, string FromState, string Trigger, WorkflowActor Actor, DateTimeOffset Now);

/// <summary>
/// An effect a definition's transition declares (<c>"actions": ["SnapshotDossier"]</c>): the
/// engine runs it before saving, so its changes commit in the fire's transaction, whoever fires
/// (a person, a use case, the clock, a bulk action). <see cref="Name"/> is one of <see cref="WorkflowActions"/>.
/// </summary>
public interface IWorkflowAction
{
    string Name { get; }

    Task RunAsync(WorkflowActionContext context, CancellationToken cancellationToken);
}

using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// What <see cref="WorkflowCommitter.ApplyAsync"/> needs to move one loaded, tracked instance,
/// acted on by <paramref name="Actor"/> at <paramref name="Now"/>, along a transition that
/// <see cref="TransitionResolver"/> allowed, into <paramref name="ToState"/>.
/// </summary>
/// <param name="PendingBookmarks">The instance's pending timers, tracked: all of them complete.</param>
/// <param name="FiringBookmarkId">The timer being fired by the clock: it is marked fired, not cancelled.</param>
/// <param name="Reason">The journal row's reason.</param>
/// <param name="Until">The end of an office exception, for a transition that requires one.</param>
internal sealed record TransitionStep(
    WorkflowDefinition Definition,
    TransitionDefinition Transition,
    string ToState,
    WorkflowInstance Instance,
    Campaign? Campaign,
    WorkflowActor Actor,
    DateTimeOffset Now,
    IReadOnlyList<WorkflowBookmark> PendingBookmarks,
    Guid? FiringBookmarkId,
    string? Reason,
    DateTimeOffset? Until)
{
    /// <summary>The step of an allowed decision.</summary>
    public static TransitionStep Of(
        TransitionDecision decision,
        WorkflowDefinition definition,
        WorkflowInstance instance,
        Campaign? campaign,
        WorkflowActor actor,
        DateTimeOffset now,
        IReadOnlyList<WorkflowBookmark> pendingBookmarks,
        Guid? firingBookmarkId,
        string? reason,
        DateTimeOffset? until)
    {
        if (!decision.IsAllowed || decision.Transition is null || decision.ToState is null)
        {
            throw new InvalidOperationException($"Only an allowed transition is committed; this one was refused: {decision.Refusal?.Reason}");
        }

        return new TransitionStep(definition, decision.Transition, decision.ToState, instance, campaign, actor, now, pendingBookmarks, firingBookmarkId, reason, until);
    }
}

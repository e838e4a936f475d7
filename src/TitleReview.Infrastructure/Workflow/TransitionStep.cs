using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// What <see cref="WorkflowEngine.ApplyTransitionAsync"/> needs to move one loaded, tracked
/// instance (<see cref="GuardContext.Instance"/>, acted on by <see cref="GuardContext.Actor"/>
/// at <see cref="GuardContext.Now"/>) along a transition whose role and guards have passed.
/// </summary>
/// <param name="PreviousState">The state to return to, for a transition to <c>@previous</c>.</param>
/// <param name="PendingBookmarks">The instance's pending timers, tracked: all of them complete.</param>
/// <param name="FiringBookmarkId">The timer being fired by the clock: it is marked fired, not cancelled.</param>
/// <param name="Reason">The journal row's reason.</param>
/// <param name="Until">The end of an office exception, for a transition that requires one.</param>
internal sealed record TransitionStep(
    WorkflowDefinition Definition,
    TransitionDefinition Transition,
    Campaign? Campaign,
    GuardContext Context,
    string? PreviousState,
    IReadOnlyList<WorkflowBookmark> PendingBookmarks,
    Guid? FiringBookmarkId,
    string? Reason,
    DateTimeOffset? Until);

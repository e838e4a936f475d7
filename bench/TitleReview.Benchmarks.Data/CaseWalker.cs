using System.Reflection;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Benchmarks.Data;

/// <summary>One workflow case with the rows the engine keeps for it: its journal and its timers.</summary>
internal sealed class WalkedCase(WorkflowInstance instance)
{
    public WorkflowInstance Instance { get; } = instance;

    public List<WorkflowJournalEntry> Journal { get; } = [];

    public List<WorkflowBookmark> Bookmarks { get; } = [];
}

/// <summary>
/// Moves cases along a definition's transitions and writes what the engine's committer writes
/// for each (ADR 0019): the state, a journal row, the firing timer marked fired and the other
/// pending timers cancelled, the new state's timers planned from the campaign's timeline. It
/// decides nothing: the generator picks transitions the definition allows, at instants the
/// guards would allow.
/// </summary>
internal sealed class CaseWalker(WorkflowDefinition definition, Campaign campaign, WorkingDayCalendar calendar, Chance chance)
{
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoMarks = new Dictionary<string, DateTimeOffset>();
    private static readonly PropertyInfo BookmarkId = typeof(WorkflowBookmark).GetProperty(nameof(WorkflowBookmark.Id))!;

    public WorkflowDefinition Definition => definition;

    public WalkedCase Start(Guid id, WorkflowSubject subject, WorkflowActor actor, DateTimeOffset now)
    {
        var walked = new WalkedCase(WorkflowInstance.Start(id, definition.DefinitionId, definition.Version, definition.InitialState, subject, now));
        walked.Journal.Add(WorkflowJournalEntry.Record(id, null, JournalText.StartTrigger, walked.Instance.State, actor, null, now));
        Schedule(walked, now);
        return walked;
    }

    /// <summary>The instant a system transition fires: its pending timer's due time.</summary>
    public DateTimeOffset? DueOf(WalkedCase walked, TransitionDefinition transition) =>
        walked.Bookmarks.FirstOrDefault(b => b.IsPending && b.Trigger == transition.Trigger)?.DueAt;

    public void Fire(WalkedCase walked, TransitionDefinition transition, WorkflowActor actor, DateTimeOffset now, string? reason = null)
    {
        var instance = walked.Instance;
        var fromState = instance.State;
        if (!transition.From.Contains(fromState))
        {
            throw new InvalidOperationException($"{definition.Key}: {transition.Trigger} does not lead out of {fromState}.");
        }

        instance.EnterState(transition.To, definition.State(transition.To).Final, now);
        walked.Journal.Add(WorkflowJournalEntry.Record(instance.Id, fromState, transition.Trigger, transition.To, actor, reason, now));
        var firing = actor.Roles.Contains(WorkflowActor.SystemRole)
            ? walked.Bookmarks.FirstOrDefault(b => b.IsPending && b.Trigger == transition.Trigger)
            : null;
        foreach (var bookmark in walked.Bookmarks.Where(b => b.IsPending))
        {
            if (bookmark == firing)
            {
                bookmark.MarkFired(now);
            }
            else
            {
                bookmark.Cancel(now);
            }
        }

        Schedule(walked, now);
    }

    /// <summary>
    /// The transitions from the initial state to each state, fewest first, using only those a
    /// role in <paramref name="roles"/> may fire.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TransitionDefinition>> ShortestPaths(IReadOnlyCollection<string> roles)
    {
        var paths = new Dictionary<string, IReadOnlyList<TransitionDefinition>> { [definition.InitialState] = [] };
        var queue = new Queue<string>([definition.InitialState]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var transition in definition.TransitionsFrom(state).Where(t => t.Roles.Any(roles.Contains) && t.To != WorkflowDefinition.PreviousState))
            {
                if (!paths.ContainsKey(transition.To))
                {
                    paths[transition.To] = [.. paths[state], transition];
                    queue.Enqueue(transition.To);
                }
            }
        }

        return paths;
    }

    /// <summary>Plans the state's timers as the committer does; one counted from a mark waits for the mark (none is set here).</summary>
    private void Schedule(WalkedCase walked, DateTimeOffset now)
    {
        foreach (var timer in definition.State(walked.Instance.State).Timers)
        {
            if (TimerSchedule.DueAt(TimerExpression.Parse(timer.At), campaign, walked.Instance, NoMarks, calendar) is { } due)
            {
                var bookmark = WorkflowBookmark.Create(walked.Instance.Id, walked.Instance.State, timer.Trigger, timer.At, due, now);
                BookmarkId.SetValue(bookmark, chance.NextGuid());
                walked.Bookmarks.Add(bookmark);
            }
        }
    }
}

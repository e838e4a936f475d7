using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Writes what the engine decided (ADR 0019): the state, the journal row, the marks, the
/// timers, the transition's actions, incidents and migrations, into one unit of work, and
/// saves it. It decides nothing: <see cref="TransitionResolver"/> has allowed each transition
/// it is given. A person's fire, a use case's operation, the clock's batches and bulk actions
/// all commit here.
/// </summary>
internal sealed class WorkflowCommitter(AppDbContext db, IEnumerable<IWorkflowAction> actions, WorkingDayCalendar calendar)
{
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoMarks = new Dictionary<string, DateTimeOffset>();

    private readonly IReadOnlyDictionary<string, IWorkflowAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>A new instance in its initial state, with its journal row and timers.</summary>
    public void Start(WorkflowDefinition definition, WorkflowInstance instance, Campaign? campaign, WorkflowActor actor, DateTimeOffset now)
    {
        db.WorkflowInstances.Add(instance);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, null, JournalText.StartTrigger, instance.State, actor, null, now));
        ScheduleTimers(definition, instance, campaign, NoMarks, now);
    }

    /// <summary>
    /// The one place a transition happens to a loaded, tracked instance: the state moves, the
    /// journal gets its row, the firing timer is marked fired and the instance's other pending
    /// timers are cancelled, the marks the transition records are set, the new state's timers are
    /// scheduled (counted from stages or marks) and the transition's actions add their changes.
    /// The caller saves.
    /// </summary>
    public async Task ApplyAsync(TransitionStep step, CancellationToken cancellationToken)
    {
        var instance = step.Instance;
        var now = step.Now;
        var trigger = step.Transition.Trigger;
        var fromState = instance.State;
        if (step.Transition.RequiresUntil)
        {
            instance.ReopenUntil(step.Until ?? throw new InvalidOperationException($"{trigger} needs an until instant."), now);
        }

        instance.EnterState(step.ToState, step.Definition.State(step.ToState).Final, now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, fromState, trigger, step.ToState, step.Actor, step.Reason, now));

        foreach (var bookmark in step.PendingBookmarks.Where(b => b.IsPending))
        {
            if (bookmark.Id == step.FiringBookmarkId)
            {
                bookmark.MarkFired(now);
            }
            else
            {
                bookmark.Cancel(now);
            }
        }

        var marks = NoMarks;
        if (step.Transition.Records.Count > 0 || step.Definition.State(step.ToState).Timers.Any(t => TimerExpression.Parse(t.At).MarkName is not null))
        {
            var tracked = await MarksAsync(instance.Id, cancellationToken);
            foreach (var name in step.Transition.Records)
            {
                SetMark(tracked, instance.Id, name, now, now);
            }

            marks = ByName(tracked);
        }

        ScheduleTimers(step.Definition, instance, step.Campaign, marks, now);
        foreach (var action in step.Transition.Actions)
        {
            await _actions[action].RunAsync(new WorkflowActionContext(instance, fromState, trigger, step.Actor, now), cancellationToken);
        }
    }

    /// <summary>
    /// Sets a declared mark to an instant with a journal note; its pending timers follow it, and
    /// the current state's timers that waited for it are planned. Nothing changes when the mark
    /// already holds the instant. The caller saves.
    /// </summary>
    public async Task SetMarkAsync(WorkflowDefinition definition, WorkflowInstance instance, Campaign? campaign, string mark, DateTimeOffset at, WorkflowActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marks = await MarksAsync(instance.Id, cancellationToken);
        var before = marks.FirstOrDefault(m => m.Name == mark)?.At;
        if (before == at)
        {
            return;
        }

        SetMark(marks, instance.Id, mark, at, now);
        instance.Touch(now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id,
            instance.State,
            JournalText.SetMarkTrigger,
            instance.State,
            actor,
            $"设定“{definition.MarkDisplayName(mark)}”：{(before is { } old ? BeijingTime.Format(old) : "未设定")} → {BeijingTime.Format(at)}",
            now));
        await RetargetMarkTimersAsync(definition, instance, campaign, ByName(marks), mark, now, cancellationToken);
    }

    /// <summary>
    /// Moves a loaded, tracked running instance onto a newer version: version and state, a
    /// journal row, pending timers cancelled and the new state's planned. The caller saves.
    /// </summary>
    public async Task MigrateAsync(WorkflowInstance instance, WorkflowDefinition target, DefinitionMigration migration, Campaign? campaign, WorkflowActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (fromVersion, fromState) = (instance.DefinitionVersion, instance.State);
        var toState = migration.Target(fromState);
        instance.MigrateTo(target.Version, toState, target.State(toState).Final, now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id, fromState, JournalText.MigrateTrigger, toState, actor, $"由第 {fromVersion} 版迁移至第 {target.Version} 版", now));

        foreach (var bookmark in await PendingBookmarksAsync(instance.Id, cancellationToken))
        {
            bookmark.Cancel(now);
        }

        ScheduleTimers(target, instance, campaign, ByName(await MarksAsync(instance.Id, cancellationToken)), now);
    }

    /// <summary>
    /// A timer that could not fire: it is marked faulted and the instance gets an incident for
    /// staff (or the incident being retried counts one more failed attempt).
    /// </summary>
    public void RecordIncident(WorkflowBookmark bookmark, WorkflowInstance instance, WorkflowIncident? retried, string message, DateTimeOffset now)
    {
        bookmark.MarkFaulted(now);
        if (retried is not null)
        {
            retried.RetryFailed(message, now);
            instance.Touch(now);
        }
        else
        {
            db.WorkflowIncidents.Add(WorkflowIncident.Open(instance.Id, bookmark.Id, bookmark.Trigger, message, now));
            instance.RecordIncident(now);
        }
    }

    /// <summary>A retried incident whose timer fired: resolved, and the case waits again once none is left.</summary>
    public async Task ResolveIncidentAsync(WorkflowIncident incident, WorkflowInstance instance, string staffName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        incident.Resolve(staffName, now);
        var unresolved = await db.WorkflowIncidents.CountAsync(x => x.InstanceId == instance.Id && x.ResolvedAt == null && x.Id != incident.Id, cancellationToken);
        if (unresolved == 0)
        {
            instance.IncidentsResolved(now);
        }
        else
        {
            instance.Touch(now);
        }
    }

    /// <summary>The instance's pending timers, tracked.</summary>
    public Task<List<WorkflowBookmark>> PendingBookmarksAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowBookmarks
            .Where(b => b.InstanceId == instanceId && b.Status == BookmarkStatus.Pending)
            .ToListAsync(cancellationToken);

    /// <summary>Saves the unit of work under the instances' concurrency tokens.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(inner: ex);
        }
    }

    /// <summary>Saves a clock batch with set-based statements (ADR 0017).</summary>
    public Task SaveBatchAsync(CancellationToken cancellationToken) => WorkflowBatchWriter.SaveAsync(db, cancellationToken);

    /// <summary>
    /// Plans the timers of the state just entered. A timer counted from a mark not yet set is
    /// not planned: setting the mark plans it (<see cref="RetargetMarkTimersAsync"/>).
    /// </summary>
    private void ScheduleTimers(WorkflowDefinition definition, WorkflowInstance instance, Campaign? campaign, IReadOnlyDictionary<string, DateTimeOffset> marks, DateTimeOffset now)
    {
        foreach (var timer in definition.State(instance.State).Timers)
        {
            if (TimerSchedule.DueAt(TimerExpression.Parse(timer.At), campaign, instance, marks, calendar) is { } due)
            {
                db.WorkflowBookmarks.Add(WorkflowBookmark.Create(instance.Id, instance.State, timer.Trigger, timer.At, due, now));
            }
        }
    }

    /// <summary>
    /// After a mark moved: its pending timers follow it, and the current state's timers that
    /// waited for it (none planned since the instance entered the state) are planned.
    /// </summary>
    private async Task RetargetMarkTimersAsync(
        WorkflowDefinition definition,
        WorkflowInstance instance,
        Campaign? campaign,
        IReadOnlyDictionary<string, DateTimeOffset> marks,
        string mark,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var bookmarks = await db.WorkflowBookmarks
            .Where(b => b.InstanceId == instance.Id && (b.Status == BookmarkStatus.Pending || (b.State == instance.State && b.CreatedAt >= instance.StateEnteredAt)))
            .ToListAsync(cancellationToken);
        foreach (var bookmark in bookmarks.Where(b => b.IsPending))
        {
            var expression = TimerExpression.Parse(bookmark.DueExpression);
            if (expression.MarkName == mark)
            {
                bookmark.Reschedule(TimerSchedule.DueAt(expression, campaign, instance, marks, calendar)!.Value);
            }
        }

        var waiting = definition.State(instance.State).Timers
            .Where(t => TimerExpression.Parse(t.At).MarkName == mark)
            .Where(t => !bookmarks.Any(b => b.State == instance.State && b.Trigger == t.Trigger && b.DueExpression == t.At && b.CreatedAt >= instance.StateEnteredAt));
        foreach (var timer in waiting)
        {
            var due = TimerSchedule.DueAt(TimerExpression.Parse(timer.At), campaign, instance, marks, calendar)!.Value;
            db.WorkflowBookmarks.Add(WorkflowBookmark.Create(instance.Id, instance.State, timer.Trigger, timer.At, due, now));
        }
    }

    /// <summary>The instance's marks, tracked, including any set earlier in this unit of work.</summary>
    private async Task<List<WorkflowMark>> MarksAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await db.WorkflowMarks.Where(m => m.InstanceId == instanceId).LoadAsync(cancellationToken);
        return db.WorkflowMarks.Local.Where(m => m.InstanceId == instanceId).ToList();
    }

    private void SetMark(List<WorkflowMark> marks, Guid instanceId, string name, DateTimeOffset at, DateTimeOffset now)
    {
        if (marks.FirstOrDefault(m => m.Name == name) is { } existing)
        {
            existing.MoveTo(at, now);
            return;
        }

        var mark = WorkflowMark.Set(instanceId, name, at, now);
        db.WorkflowMarks.Add(mark);
        marks.Add(mark);
    }

    private static Dictionary<string, DateTimeOffset> ByName(IEnumerable<WorkflowMark> marks) =>
        marks.ToDictionary(m => m.Name, m => m.At, StringComparer.Ordinal);
}

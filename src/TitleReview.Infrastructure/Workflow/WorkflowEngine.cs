using Microsoft.EntityFrameworkCore;
using Stateless;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Executes definitions with Stateless (ADR 0003). The state lives in <see cref="WorkflowInstance"/>;
/// a fire checks role and guards at the request's instant, moves the state, writes the journal
/// and swaps the timers, and saves all of it at once under the instance's concurrency token.
/// </summary>
internal sealed class WorkflowEngine(
    AppDbContext db,
    IWorkflowDefinitions definitions,
    IEnumerable<IWorkflowGuard> guards,
    IEnumerable<IWorkflowFactProvider> factProviders,
    IEnumerable<IWorkflowAction> actions,
    WorkingDayCalendar calendar,
    TimeProvider clock) : IWorkflowEngine
{
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoMarks = new Dictionary<string, DateTimeOffset>();

    private readonly IReadOnlyDictionary<string, IWorkflowGuard> _guards = guards.ToDictionary(g => g.Name, StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, IWorkflowAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public async Task<WorkflowInstance> StartAsync(string definitionId, WorkflowSubject subject, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Latest(definitionId);
        if (!string.Equals(definition.SubjectType, subject.Type, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{definition.Key} is for {definition.SubjectType}, not {subject.Type}.");
        }

        var now = clock.GetUtcNow();
        var instance = WorkflowInstance.Start(Guid.NewGuid(), definition.DefinitionId, definition.Version, definition.InitialState, subject, now);
        db.WorkflowInstances.Add(instance);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, null, JournalText.StartTrigger, instance.State, actor, null, now));
        var campaign = await FindCampaignAsync(subject.CampaignId, cancellationToken);
        ScheduleTimers(definition, instance, campaign, NoMarks, now);
        return instance;
    }

    public Task<FireResult> FireAsync(FireRequest request, CancellationToken cancellationToken = default) =>
        FireAsync(request, firingBookmarkId: null, cancellationToken);

    public async Task<FireResult> PerformAsync(PerformRequest request, CancellationToken cancellationToken = default)
    {
        var (instance, definition) = await LoadAsync(request.InstanceId, request.ExpectedToken, cancellationToken);
        var transition = definition.TransitionFor(request.Operation, instance.State);
        if (transition is null)
        {
            var named = definition.Transitions.FirstOrDefault(t => t.Operation == request.Operation);
            throw named is null
                ? new InvalidOperationException($"{definition.Key} has no transition for operation {request.Operation}.")
                : new DomainException($"当前状态为“{definition.StateDisplayName(instance.State)}”，不能执行“{named.DisplayName}”。");
        }

        return await FireAsync(instance, definition, transition, new FireRequest(request.InstanceId, transition.Trigger, request.Actor, request.Reason, request.Until, request.ExpectedToken), null, cancellationToken);
    }

    /// <param name="firingBookmarkId">The timer being fired by the clock: it is marked fired, not cancelled.</param>
    internal async Task<FireResult> FireAsync(FireRequest request, Guid? firingBookmarkId, CancellationToken cancellationToken)
    {
        var (instance, definition) = await LoadAsync(request.InstanceId, request.ExpectedToken, cancellationToken);
        var transition = definition.Transition(request.Trigger, instance.State);
        if (transition is null)
        {
            var known = definition.Transitions.Any(t => t.Trigger == request.Trigger);
            throw known
                ? new DomainException($"当前状态为“{definition.StateDisplayName(instance.State)}”，不能执行“{definition.TriggerDisplayName(request.Trigger)}”。")
                : new ValidationException("trigger", $"“{request.Trigger}”不是该流程的操作。");
        }

        if (transition.Operation is { } operation)
        {
            throw new DomainException($"“{transition.DisplayName}”须在{WorkflowOperations.Places[operation]}办理，不能在此直接执行。");
        }

        return await FireAsync(instance, definition, transition, request, firingBookmarkId, cancellationToken);
    }

    private async Task<(WorkflowInstance Instance, WorkflowDefinition Definition)> LoadAsync(Guid instanceId, Guid? expectedToken, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new NotFoundException("该流程实例");
        if (expectedToken is { } expected && expected != instance.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException();
        }

        return (instance, definitions.Get(instance.DefinitionId, instance.DefinitionVersion));
    }

    private async Task<FireResult> FireAsync(
        WorkflowInstance instance,
        WorkflowDefinition definition,
        TransitionDefinition transition,
        FireRequest request,
        Guid? firingBookmarkId,
        CancellationToken cancellationToken)
    {
        if (!request.Actor.HasAnyRole(transition.Roles))
        {
            throw new ForbiddenAccessException($"您的角色不能执行“{transition.DisplayName}”。");
        }

        var now = clock.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var validation = new Application.Common.Validation();
        validation.Require(!transition.RequiresReason || reason is not null, "reason", $"请填写“{transition.DisplayName}”的原因。");
        validation.Require(reason is null || reason.Length <= WorkflowJournalEntry.MaxReasonLength, "reason", $"原因不能超过 {WorkflowJournalEntry.MaxReasonLength} 个字。");
        if (transition.RequiresUntil)
        {
            validation.Require(request.Until is not null, "until", "请填写特例开放的截止时间。");
            validation.Require(request.Until is null || request.Until > now, "until", "特例开放的截止时间必须晚于当前时间。");
        }

        validation.ThrowIfInvalid();

        var campaign = await FindCampaignAsync(instance.CampaignId, cancellationToken);
        var context = new GuardContext(instance, campaign, request.Actor, now) { Facts = await LoadFactsAsync(instance, campaign, transition, cancellationToken) };
        var refusal = RefusalOf(transition, context);
        if (refusal is not null)
        {
            throw new DomainException(refusal);
        }

        var previous = await PreviousStateAsync(instance, cancellationToken);
        var fromState = instance.State;
        var state = instance.State;
        var machine = Build(definition, () => state, s => state = s, t => RefusalOf(t, context) is null, () => previous);
        await machine.FireAsync(request.Trigger);

        if (transition.RequiresUntil)
        {
            instance.ReopenUntil(request.Until!.Value, now);
        }

        instance.EnterState(state, definition.State(state).Final, now);
        var journalReason = transition.RequiresUntil
            ? $"{reason}（特例开放至 {BeijingTime.Format(request.Until!.Value)}）"
            : reason;
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, fromState, request.Trigger, state, request.Actor, journalReason, now));

        var pending = await db.WorkflowBookmarks
            .Where(b => b.InstanceId == instance.Id && b.Status == BookmarkStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var bookmark in pending)
        {
            if (bookmark.Id == firingBookmarkId)
            {
                bookmark.MarkFired(now);
            }
            else
            {
                bookmark.Cancel(now);
            }
        }

        var marks = NoMarks;
        if (transition.Records.Count > 0 || definition.State(state).Timers.Any(t => TimerExpression.Parse(t.At).MarkName is not null))
        {
            var tracked = await MarksAsync(instance.Id, cancellationToken);
            foreach (var name in transition.Records)
            {
                SetMark(tracked, instance.Id, name, now, now);
            }

            marks = ByName(tracked);
        }

        ScheduleTimers(definition, instance, campaign, marks, now);
        foreach (var action in transition.Actions)
        {
            await _actions[action].RunAsync(new WorkflowActionContext(instance, fromState, transition.Trigger, request.Actor, now), cancellationToken);
        }

        await SaveAsync(cancellationToken);
        return new FireResult(instance.Id, fromState, state, instance.ConcurrencyToken);
    }

    public async Task SetMarkAsync(Guid instanceId, string mark, DateTimeOffset at, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var (instance, definition) = await LoadAsync(instanceId, expectedToken: null, cancellationToken);
        if (!definition.HasMark(mark))
        {
            throw new InvalidOperationException($"{definition.Key} declares no mark '{mark}'.");
        }

        var marks = await MarksAsync(instance.Id, cancellationToken);
        var before = marks.FirstOrDefault(m => m.Name == mark)?.At;
        if (before == at)
        {
            return;
        }

        var now = clock.GetUtcNow();
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

        var campaign = await FindCampaignAsync(instance.CampaignId, cancellationToken);
        await RetargetMarkTimersAsync(definition, instance, campaign, ByName(marks), mark, now, cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Moves a loaded, tracked running instance onto a newer version (<see cref="WorkflowMigrations"/>):
    /// version and state, a journal row, pending timers cancelled and the new state's planned.
    /// The caller saves.
    /// </summary>
    internal async Task MigrateAsync(WorkflowInstance instance, WorkflowDefinition target, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var migration = target.MigrationFrom(instance.DefinitionVersion)
            ?? throw new InvalidOperationException($"{target.Key} declares no migration from version {instance.DefinitionVersion}.");
        var now = clock.GetUtcNow();
        var (fromVersion, fromState) = (instance.DefinitionVersion, instance.State);
        var toState = migration.Target(fromState);
        instance.MigrateTo(target.Version, toState, target.State(toState).Final, now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id, fromState, JournalText.MigrateTrigger, toState, actor, $"由第 {fromVersion} 版迁移至第 {target.Version} 版", now));

        var pending = await db.WorkflowBookmarks
            .Where(b => b.InstanceId == instance.Id && b.Status == BookmarkStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var bookmark in pending)
        {
            bookmark.Cancel(now);
        }

        var marks = ByName(await MarksAsync(instance.Id, cancellationToken));
        ScheduleTimers(target, instance, await FindCampaignAsync(instance.CampaignId, cancellationToken), marks, now);
    }

    public async Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new NotFoundException("该流程实例");
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var campaign = await FindCampaignAsync(instance.CampaignId, cancellationToken);
        var facts = await LoadFactsAsync(instance, campaign, null, cancellationToken);
        var context = new GuardContext(instance, campaign, actor, clock.GetUtcNow()) { Facts = facts };
        var previous = await PreviousStateAsync(instance, cancellationToken);
        var state = instance.State;
        var machine = Build(definition, () => state, s => state = s, t => RefusalOf(t, context) is null, () => previous);

        var permitted = await machine.GetPermittedTriggersAsync();
        return permitted
            .Select(trigger => definition.Transition(trigger, instance.State)!)
            .Select(t => new PermittedTrigger(t.Trigger, t.DisplayName, t.RequiresReason, t.RequiresUntil, t.Operation))
            .ToList();
    }

    /// <summary>Builds the Stateless machine of a definition over the given state accessors.</summary>
    internal static StateMachine<string, string> Build(
        WorkflowDefinition definition,
        Func<string> readState,
        Action<string> writeState,
        Func<TransitionDefinition, bool> allowed,
        Func<string?> previousState,
        Func<TransitionDefinition, string>? label = null,
        Func<TransitionDefinition, string>? describe = null)
    {
        label ??= t => t.Trigger;
        describe ??= t => string.Join(" 且 ", t.Roles.Concat(t.Guards));
        var machine = new StateMachine<string, string>(readState, writeState);
        foreach (var state in definition.States)
        {
            machine.Configure(state.Name);
        }

        foreach (var transition in definition.Transitions)
        {
            var description = describe(transition);
            var trigger = label(transition);
            foreach (var from in transition.From)
            {
                var configuration = machine.Configure(from);
                if (transition.To == WorkflowDefinition.PreviousState)
                {
                    configuration.PermitDynamicIf(
                        trigger,
                        () => previousState() ?? throw new DomainException("找不到该流程此前所处的状态，无法退回。"),
                        () => allowed(transition),
                        description);
                }
                else if (transition.To == from)
                {
                    configuration.PermitReentryIf(trigger, () => allowed(transition), description);
                }
                else
                {
                    configuration.PermitIf(trigger, transition.To, () => allowed(transition), description);
                }
            }
        }

        return machine;
    }

    /// <summary>Loads the subject's facts once, when a guard may need them (the clock's own triggers never do).</summary>
    private async Task<IReadOnlyDictionary<string, object>> LoadFactsAsync(WorkflowInstance instance, Campaign? campaign, TransitionDefinition? transition, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<string, object>();
        if (transition is { Guards.Count: 0 })
        {
            return facts;
        }

        foreach (var provider in factProviders.Where(p => p.SubjectType == instance.SubjectType))
        {
            foreach (var (key, value) in await provider.LoadAsync(instance, campaign, cancellationToken))
            {
                facts[key] = value;
            }
        }

        return facts;
    }

    private string? RefusalOf(TransitionDefinition transition, GuardContext context)
    {
        if (!context.Actor.HasAnyRole(transition.Roles))
        {
            return $"您的角色不能执行“{transition.DisplayName}”。";
        }

        foreach (var spec in transition.Guards)
        {
            var (name, argument) = WorkflowDefinitionLoader.SplitGuard(spec);
            var result = _guards[name].Check(context, argument);
            if (!result.Passed)
            {
                return result.Reason;
            }
        }

        return null;
    }

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

    private async Task SaveAsync(CancellationToken cancellationToken)
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

    private async Task<Campaign?> FindCampaignAsync(Guid? campaignId, CancellationToken cancellationToken)
    {
        if (campaignId is not { } id)
        {
            return null;
        }

        return db.Campaigns.Local.FirstOrDefault(c => c.Id == id)
            ?? await db.Campaigns.Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The state the instance was in before it entered its current state.</summary>
    private async Task<string?> PreviousStateAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instance.Id && j.ToState == instance.State && j.FromState != null && j.FromState != j.ToState)
            .OrderByDescending(j => j.Id)
            .Select(j => j.FromState)
            .FirstOrDefaultAsync(cancellationToken);
}

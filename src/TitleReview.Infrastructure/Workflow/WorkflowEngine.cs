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
    private readonly Dictionary<string, StepMachine> _machines = new(StringComparer.Ordinal);

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

    public async Task<FireResult> FireAsync(FireRequest request, CancellationToken cancellationToken = default)
    {
        var (instance, definition) = await LoadAsync(request.InstanceId, request.ExpectedToken, cancellationToken);
        var transition = TransitionOrThrow(definition, request.Trigger, instance.State);
        if (transition.Operation is { } operation)
        {
            throw new DomainException(OperationRefusal(transition, operation));
        }

        return await FireAsync(instance, definition, transition, request, cancellationToken);
    }

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

        return await FireAsync(instance, definition, transition, new FireRequest(request.InstanceId, transition.Trigger, request.Actor, request.Reason, request.Until, request.ExpectedToken), cancellationToken);
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

    /// <summary>A person's fire, by trigger or by a use case's operation: checked, applied and saved.</summary>
    private async Task<FireResult> FireAsync(
        WorkflowInstance instance,
        WorkflowDefinition definition,
        TransitionDefinition transition,
        FireRequest request,
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

        var previous = transition.To == WorkflowDefinition.PreviousState ? await PreviousStateAsync(instance, cancellationToken) : null;
        var pending = await db.WorkflowBookmarks
            .Where(b => b.InstanceId == instance.Id && b.Status == BookmarkStatus.Pending)
            .ToListAsync(cancellationToken);
        var journalReason = transition.RequiresUntil
            ? $"{reason}（特例开放至 {BeijingTime.Format(request.Until!.Value)}）"
            : reason;
        var fromState = instance.State;
        var toState = await ApplyTransitionAsync(
            new TransitionStep(definition, transition, campaign, context, previous, pending, FiringBookmarkId: null, journalReason, request.Until),
            cancellationToken);

        await SaveAsync(cancellationToken);
        return new FireResult(instance.Id, fromState, toState, instance.ConcurrencyToken);
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
    /// The one place a transition happens to a loaded, tracked instance whose role and guards
    /// have passed: the state moves (through the Stateless machine), the journal gets its row,
    /// the firing timer is marked fired and the instance's other pending timers are cancelled,
    /// the marks the transition records are set, the new state's timers are scheduled (counted
    /// from stages or marks) and the transition's actions add their changes. A
    /// person's fire, a use case's operation and the clock's batches all come here; the caller
    /// saves. Returns the state entered.
    /// </summary>
    internal async Task<string> ApplyTransitionAsync(TransitionStep step, CancellationToken cancellationToken)
    {
        var instance = step.Context.Instance;
        var now = step.Context.Now;
        var trigger = step.Transition.Trigger;
        var fromState = instance.State;
        var machine = MachineFor(step.Definition);
        machine.Step = step;
        machine.State = fromState;
        await machine.Machine.FireAsync(trigger);
        var state = machine.State;

        if (step.Transition.RequiresUntil)
        {
            instance.ReopenUntil(step.Until ?? throw new InvalidOperationException($"{trigger} needs an until instant."), now);
        }

        instance.EnterState(state, step.Definition.State(state).Final, now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, fromState, trigger, state, step.Context.Actor, step.Reason, now));

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
        if (step.Transition.Records.Count > 0 || step.Definition.State(state).Timers.Any(t => TimerExpression.Parse(t.At).MarkName is not null))
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
            await _actions[action].RunAsync(new WorkflowActionContext(instance, fromState, trigger, step.Context.Actor, now), cancellationToken);
        }

        return state;
    }

    /// <summary>
    /// Fires due timers of one definition version, state and trigger (ADR 0015, batches): loads
    /// their instances and pending timers with a few set queries, checks each instance as a fire
    /// would, applies the transition to each, records an incident for each one refused, and saves
    /// all of it at once under the instances' concurrency tokens. A timer that is no longer
    /// pending (fired or cancelled since it was found due) is left alone. A failed save throws:
    /// nothing of the batch is kept (a concurrency conflict as <see cref="ConcurrencyConflictException"/>).
    /// </summary>
    /// <param name="retry">The office retrying the incident of a single timer.</param>
    /// <param name="beforeSave">A test seam: called with the batch's instances just before the save.</param>
    internal async Task<IReadOnlyDictionary<Guid, TimerOutcome>> FireTimersAsync(
        IReadOnlyList<DueTimer> timers,
        TimerRetry? retry,
        Func<IReadOnlyCollection<Guid>, Task>? beforeSave,
        CancellationToken cancellationToken)
    {
        // The batch writer scans for changes once, before it saves.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow();
        var instanceIds = timers.Select(t => t.InstanceId).Distinct().ToList();
        var instances = await db.WorkflowInstances
            .Where(i => EF.Parameter(instanceIds).Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        // All the instances' timers, pending or not: a filter on status would lead SQLite (which
        // keeps no statistics) to walk every pending timer through the status index, each batch.
        var pending = (await db.WorkflowBookmarks
                .Where(b => EF.Parameter(instanceIds).Contains(b.InstanceId))
                .ToListAsync(cancellationToken))
            .Where(b => b.IsPending)
            .ToLookup(b => b.InstanceId);
        var campaignIds = instances.Values.Where(i => i.CampaignId is not null).Select(i => i.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking()
            .Include(c => c.Stages)
            .Where(c => campaignIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var incident = retry is null ? null : await db.WorkflowIncidents.FirstAsync(x => x.Id == retry.IncidentId, cancellationToken);
        var outcomes = new Dictionary<Guid, TimerOutcome>();
        foreach (var timer in timers)
        {
            var firing = pending[timer.InstanceId].FirstOrDefault(b => b.Id == timer.BookmarkId && b.IsPending);
            if (firing is null || !instances.TryGetValue(timer.InstanceId, out var instance))
            {
                outcomes[timer.BookmarkId] = TimerOutcome.NotPending;
                continue;
            }

            var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
            var campaign = instance.CampaignId is { } campaignId ? campaigns.GetValueOrDefault(campaignId) : null;
            var context = new GuardContext(instance, campaign, WorkflowActor.Clock, now);
            var (transition, refusal) = ClockTransition(definition, firing.Trigger, instance.State);
            if (transition is not null)
            {
                context = context with { Facts = await LoadFactsAsync(instance, campaign, transition, cancellationToken) };
                refusal = RefusalOf(transition, context);
            }

            if (refusal is not null)
            {
                RecordIncident(firing, instance, incident, refusal, now);
                outcomes[timer.BookmarkId] = TimerOutcome.Faulted;
                continue;
            }

            var previous = transition!.To == WorkflowDefinition.PreviousState ? await PreviousStateAsync(instance, cancellationToken) : null;
            await ApplyTransitionAsync(
                new TransitionStep(definition, transition, campaign, context, previous, pending[timer.InstanceId].ToList(), firing.Id, $"定时触发（{firing.DueExpression}）", Until: null),
                cancellationToken);
            if (incident is not null)
            {
                await ResolveIncidentAsync(incident, instance, retry!.StaffName, now, cancellationToken);
            }

            outcomes[timer.BookmarkId] = TimerOutcome.Fired;
        }

        if (beforeSave is not null)
        {
            await beforeSave(instanceIds);
        }

        await WorkflowBatchWriter.SaveAsync(db, cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// A timer that could not fire: it is marked faulted and the instance gets an incident for
    /// staff (or the incident being retried counts one more failed attempt).
    /// </summary>
    internal void RecordIncident(WorkflowBookmark bookmark, WorkflowInstance instance, WorkflowIncident? retried, string message, DateTimeOffset now)
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

    /// <summary>
    /// The Stateless machine of a definition, built once per unit of work (a clock batch moves
    /// hundreds of instances with it) over a cursor that each transition points at its step.
    /// </summary>
    private StepMachine MachineFor(WorkflowDefinition definition)
    {
        if (!_machines.TryGetValue(definition.Key, out var machine))
        {
            machine = new StepMachine();
            var cursor = machine;
            machine.Machine = Build(
                definition,
                () => cursor.State,
                s => cursor.State = s,
                t => RefusalOf(t, cursor.Step!.Context) is null,
                () => cursor.Step!.PreviousState);
            _machines[definition.Key] = machine;
        }

        return machine;
    }

    private sealed class StepMachine
    {
        public StateMachine<string, string> Machine { get; set; } = null!;

        public string State { get; set; } = string.Empty;

        public TransitionStep? Step { get; set; }
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

    /// <summary>The transition a trigger takes from a state, or the refusal a person would be shown.</summary>
    private static TransitionDefinition TransitionOrThrow(WorkflowDefinition definition, string trigger, string state)
    {
        var transition = definition.Transition(trigger, state);
        if (transition is not null)
        {
            return transition;
        }

        var known = definition.Transitions.Any(t => t.Trigger == trigger);
        throw known
            ? new DomainException($"当前状态为“{definition.StateDisplayName(state)}”，不能执行“{definition.TriggerDisplayName(trigger)}”。")
            : new ValidationException("trigger", $"“{trigger}”不是该流程的操作。");
    }

    /// <summary>The transition a timer's trigger takes, or why the clock cannot fire it (the incident's message).</summary>
    private static (TransitionDefinition? Transition, string? Refusal) ClockTransition(WorkflowDefinition definition, string trigger, string state)
    {
        TransitionDefinition transition;
        try
        {
            transition = TransitionOrThrow(definition, trigger, state);
        }
        catch (Exception ex) when (ex is DomainException or ValidationException)
        {
            return (null, ex.Message);
        }

        if (transition.Operation is { } operation)
        {
            return (null, OperationRefusal(transition, operation));
        }

        return transition.RequiresUntil
            ? (null, $"“{transition.DisplayName}”需要特例开放的截止时间，系统时钟不能执行。")
            : (transition, null);
    }

    /// <summary>A transition that belongs to a use case is fired by it alone (ADR 0015, operations).</summary>
    private static string OperationRefusal(TransitionDefinition transition, string operation) =>
        $"“{transition.DisplayName}”须在{WorkflowOperations.Places[operation]}办理，不能在此直接执行。";

    private async Task ResolveIncidentAsync(WorkflowIncident incident, WorkflowInstance instance, string staffName, DateTimeOffset now, CancellationToken cancellationToken)
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

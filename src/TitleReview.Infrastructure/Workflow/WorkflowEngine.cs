using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Domain.Workflows.Guards;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Runs definitions (ADR 0003, 0019). The state lives in <see cref="WorkflowInstance"/>. A fire
/// loads the instance and the facts its transition's guards need, lets
/// <see cref="TransitionResolver"/> decide at the request's instant (each guard once), and hands
/// an allowed transition to <see cref="WorkflowCommitter"/>, which writes state, journal, marks,
/// timers and actions and saves all of it at once under the instance's concurrency token.
/// </summary>
internal sealed class WorkflowEngine(
    AppDbContext db,
    IWorkflowDefinitions definitions,
    IEnumerable<IWorkflowFactProvider> factProviders,
    IEnumerable<IWorkflowAction> actions,
    WorkingDayCalendar calendar,
    TimeProvider clock) : IWorkflowEngine
{
    private readonly WorkflowCommitter _committer = new(db, actions, calendar);

    /// <summary>The timers the last <see cref="FireTimersAsync"/> fired, for the audit trail (ADR 0053).</summary>
    internal List<FiredTimer> FiredTimers { get; } = [];

    public async Task<WorkflowInstance> StartAsync(string definitionId, WorkflowSubject subject, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Latest(definitionId);
        if (!string.Equals(definition.SubjectType, subject.Type, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{definition.Key} is for {definition.SubjectType}, not {subject.Type}.");
        }

        var now = clock.GetUtcNow();
        var instance = WorkflowInstance.Start(Guid.NewGuid(), definition.DefinitionId, definition.Version, definition.InitialState, subject, now);
        _committer.Start(definition, instance, await FindCampaignAsync(subject.CampaignId, cancellationToken), actor, now);
        return instance;
    }

    public async Task<FireResult> FireAsync(FireRequest request, CancellationToken cancellationToken = default) =>
        await FireAsync(
            new PersonsFire(request.InstanceId, TransitionRequest.ByTrigger(request.Trigger), request.Actor, request.Reason, request.Until, request.ExpectedToken),
            cancellationToken);

    public async Task<FireResult> PerformAsync(PerformRequest request, CancellationToken cancellationToken = default) =>
        await FireAsync(
            new PersonsFire(request.InstanceId, TransitionRequest.ByOperation(request.Operation), request.Actor, request.Reason, request.Until, request.ExpectedToken)
            {
                Facts = request.Facts,
            },
            cancellationToken);

    /// <summary>What a person asked for, by trigger or through a use case's operation.</summary>
    private sealed record PersonsFire(Guid InstanceId, TransitionRequest Asked, WorkflowActor Actor, string? Reason, DateTimeOffset? Until, Guid? ExpectedToken)
    {
        /// <summary>Facts the use case already has (<see cref="PerformRequest.Facts"/>).</summary>
        public WorkflowFacts? Facts { get; init; }
    }

    /// <summary>
    /// A person's fire: the transition is matched, the actor's role and the input checked, the
    /// facts loaded and the transition decided, then committed and saved.
    /// </summary>
    private async Task<FireResult> FireAsync(PersonsFire fire, CancellationToken cancellationToken)
    {
        var (instance, definition) = await LoadAsync(fire.InstanceId, fire.ExpectedToken, cancellationToken);
        var match = TransitionResolver.Match(definition, instance.State, fire.Asked);
        if (match.Refusal is { } refused)
        {
            throw ToException(definition, fire.Asked, refused);
        }

        var transition = match.Transition!;
        if (!TransitionResolver.MayFire(fire.Actor, transition))
        {
            throw new ForbiddenAccessException(TransitionResolver.RoleRefusal(transition));
        }

        var now = clock.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(fire.Reason) ? null : fire.Reason.Trim();
        ValidateInput(transition, reason, fire.Until, now);

        var known = fire.Facts is { } given && given.Campaign?.Id == instance.CampaignId ? given : null;
        var campaign = known?.Campaign ?? await FindCampaignAsync(instance.CampaignId, cancellationToken);
        var facts = await LoadFactsAsync(instance, campaign, transition, known, cancellationToken);
        var decision = TransitionResolver.Decide(definition, transition, instance, fire.Actor, now, facts);
        if (decision.Refusal is { } refusal)
        {
            throw ToException(definition, fire.Asked, refusal);
        }

        var journalReason = transition.RequiresUntil
            ? $"{reason}（特例开放至 {BeijingTime.Format(fire.Until!.Value)}）"
            : reason;
        var fromState = instance.State;
        var pending = await _committer.PendingBookmarksAsync(instance.Id, cancellationToken);
        await _committer.ApplyAsync(
            TransitionStep.Of(decision, definition, instance, campaign, fire.Actor, now, pending, firingBookmarkId: null, journalReason, fire.Until),
            cancellationToken);
        await _committer.SaveAsync(cancellationToken);
        return new FireResult(instance.Id, fromState, decision.ToState!, instance.ConcurrencyToken);
    }

    private static void ValidateInput(TransitionDefinition transition, string? reason, DateTimeOffset? until, DateTimeOffset now)
    {
        var validation = new Application.Common.Validation();
        validation.Require(!transition.RequiresReason || reason is not null, "reason", $"请填写“{transition.DisplayName}”的原因。");
        validation.Require(reason is null || reason.Length <= WorkflowJournalEntry.MaxReasonLength, "reason", $"原因不能超过 {WorkflowJournalEntry.MaxReasonLength} 个字。");
        if (transition.RequiresUntil)
        {
            validation.Require(until is not null, "until", "请填写特例开放的截止时间。");
            validation.Require(until is null || until > now, "until", "特例开放的截止时间必须晚于当前时间。");
        }

        validation.ThrowIfInvalid();
    }

    /// <summary>How a refusal reaches a person: an unknown trigger is a field error, a role a 403, the rest a 409.</summary>
    private static Exception ToException(WorkflowDefinition definition, TransitionRequest asked, TransitionRefusal refusal) => refusal.Kind switch
    {
        RefusalKind.UnknownTrigger => new ValidationException("trigger", refusal.Reason),
        RefusalKind.UnknownOperation => new InvalidOperationException($"{definition.Key} has no transition for operation {asked.Name}."),
        RefusalKind.Role => new ForbiddenAccessException(refusal.Reason),
        _ => new DomainException(refusal.Reason),
    };

    public async Task SetMarkAsync(Guid instanceId, string mark, DateTimeOffset at, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var (instance, definition) = await LoadAsync(instanceId, expectedToken: null, cancellationToken);
        if (!definition.HasMark(mark))
        {
            throw new InvalidOperationException($"{definition.Key} declares no mark '{mark}'.");
        }

        var campaign = await FindCampaignAsync(instance.CampaignId, cancellationToken);
        await _committer.SetMarkAsync(definition, instance, campaign, mark, at, actor, clock.GetUtcNow(), cancellationToken);
        await _committer.SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new NotFoundException("该流程实例");
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var campaign = await FindCampaignAsync(instance.CampaignId, cancellationToken);
        var facts = await LoadFactsAsync(instance, campaign, transition: null, known: null, cancellationToken);
        return Permitted(definition, instance, actor, facts);
    }

    public async Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(WorkflowInstance instance, WorkflowActor actor, WorkflowFacts facts, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var known = facts.Campaign?.Id == instance.CampaignId ? facts : null;
        var campaign = known?.Campaign ?? await FindCampaignAsync(instance.CampaignId, cancellationToken);
        return Permitted(definition, instance, actor, await LoadFactsAsync(instance, campaign, transition: null, known, cancellationToken));
    }

    private IReadOnlyList<PermittedTrigger> Permitted(WorkflowDefinition definition, WorkflowInstance instance, WorkflowActor actor, WorkflowFacts facts) =>
        TransitionResolver.Permitted(definition, instance, actor, clock.GetUtcNow(), facts)
            .Select(t => new PermittedTrigger(t.Trigger, t.DisplayName, t.RequiresReason, t.RequiresUntil, t.Operation))
            .ToList();

    /// <summary>
    /// Fires due timers of one definition version, state and trigger (ADR 0015, batches): loads
    /// their instances and pending timers with a few set queries, decides each instance's
    /// transition as a fire would, commits each allowed one, records an incident for each one
    /// refused, and saves all of it at once under the instances' concurrency tokens. A timer that
    /// is no longer pending (fired or cancelled since it was found due) is left alone. A failed
    /// save throws: nothing of the batch is kept (a concurrency conflict as <see cref="ConcurrencyConflictException"/>).
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
            var decision = await DecideTimerAsync(definition, instance, campaign, firing.Trigger, now, cancellationToken);
            if (decision.Refusal is { } refusal)
            {
                _committer.RecordIncident(firing, instance, incident, refusal.Reason, now);
                outcomes[timer.BookmarkId] = TimerOutcome.Faulted;
                continue;
            }

            var fromState = instance.State;
            await _committer.ApplyAsync(
                TransitionStep.Of(decision, definition, instance, campaign, WorkflowActor.Clock, now, pending[timer.InstanceId].ToList(), firing.Id, $"定时触发（{firing.DueExpression}）", until: null),
                cancellationToken);
            FiredTimers.Add(new FiredTimer(
                instance.Id,
                instance.SubjectType,
                instance.SubjectId,
                instance.SubjectTitle,
                definition.Title,
                definition.StateDisplayName(fromState),
                definition.StateDisplayName(decision.ToState!),
                firing.DueExpression));
            if (incident is not null)
            {
                await _committer.ResolveIncidentAsync(incident, instance, retry!.StaffName, now, cancellationToken);
            }

            outcomes[timer.BookmarkId] = TimerOutcome.Fired;
        }

        if (beforeSave is not null)
        {
            await beforeSave(instanceIds);
        }

        await _committer.SaveBatchAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>A timer's transition, decided as the clock: facts are loaded only when it matched one with guards.</summary>
    private async Task<TransitionDecision> DecideTimerAsync(WorkflowDefinition definition, WorkflowInstance instance, Campaign? campaign, string trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var match = TransitionResolver.Match(definition, instance.State, TransitionRequest.ByTimer(trigger));
        if (match.Refusal is { } refusal)
        {
            return new TransitionDecision(match.Transition, ToState: null, Guards: [], refusal);
        }

        var facts = await LoadFactsAsync(instance, campaign, match.Transition, known: null, cancellationToken);
        return TransitionResolver.Decide(definition, match.Transition!, instance, WorkflowActor.Clock, now, facts);
    }

    /// <summary>A timer that could not fire becomes an incident (<see cref="WorkflowCommitter.RecordIncident"/>).</summary>
    internal void RecordIncident(WorkflowBookmark bookmark, WorkflowInstance instance, WorkflowIncident? retried, string message, DateTimeOffset now) =>
        _committer.RecordIncident(bookmark, instance, retried, message, now);

    /// <summary>
    /// Moves a loaded, tracked running instance onto a newer version (<see cref="WorkflowMigrations"/>).
    /// The caller saves.
    /// </summary>
    internal async Task MigrateAsync(WorkflowInstance instance, WorkflowDefinition target, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var migration = target.MigrationFrom(instance.DefinitionVersion)
            ?? throw new InvalidOperationException($"{target.Key} declares no migration from version {instance.DefinitionVersion}.");
        var campaign = await FindCampaignAsync(instance.CampaignId, cancellationToken);
        await _committer.MigrateAsync(instance, target, migration, campaign, actor, clock.GetUtcNow(), cancellationToken);
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

    /// <summary>
    /// Loads, once, the facts a transition needs: the subject's when it has guards (the clock's
    /// own triggers never do), the previous state when it returns there. With no transition
    /// (the permitted triggers), everything. The subject's facts the caller already has
    /// (<paramref name="known"/>) are not read again.
    /// </summary>
    private async Task<WorkflowFacts> LoadFactsAsync(WorkflowInstance instance, Campaign? campaign, TransitionDefinition? transition, WorkflowFacts? known, CancellationToken cancellationToken)
    {
        var facts = (known ?? new WorkflowFacts(campaign)) with { Campaign = campaign };
        if (transition is null || transition.To == WorkflowDefinition.PreviousState)
        {
            facts = facts with { PreviousState = await PreviousStateAsync(instance, cancellationToken) };
        }

        if (transition is { Guards.Count: 0 } || known?.Application is not null)
        {
            return facts;
        }

        foreach (var provider in factProviders.Where(p => p.SubjectType == instance.SubjectType))
        {
            facts = await provider.AddFactsAsync(instance, facts, cancellationToken);
        }

        return facts;
    }

    private async Task<Campaign?> FindCampaignAsync(Guid? campaignId, CancellationToken cancellationToken)
    {
        if (campaignId is not { } id)
        {
            return null;
        }

        // With the level rules: the dossier's guards judge eligibility by the campaign's conditions.
        return db.Campaigns.Local.FirstOrDefault(c => c.Id == id)
            ?? await db.Campaigns.Include(c => c.Stages).Include(c => c.Rules).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The state the instance was in before it entered its current state.</summary>
    private async Task<string?> PreviousStateAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instance.Id && j.ToState == instance.State && j.FromState != null && j.FromState != j.ToState)
            .OrderByDescending(j => j.Id)
            .Select(j => j.FromState)
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>A timer's transition, as the audit trail records it.</summary>
internal sealed record FiredTimer(Guid InstanceId, string SubjectType, Guid SubjectId, string SubjectTitle, string Definition, string FromState, string ToState, string Due);

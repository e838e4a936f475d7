using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Fires due timers. Timers of the same definition version, state and trigger fire together, in
/// batches of <see cref="WorkflowClockOptions.BatchSize"/> with one transaction each; a batch that
/// cannot be saved is fired again one timer at a time, so one bad instance cannot hold up the
/// others. A timer that is no longer pending is skipped, so running twice changes nothing the
/// second time; a run stopped between batches leaves whole batches done and the rest pending
/// for the next run; and a run after downtime catches up, round by round, on everything that
/// fell due meanwhile.
/// </summary>
internal sealed class WorkflowClock(
    AppDbContext db,
    IServiceScopeFactory scopes,
    IWorkflowDefinitions definitions,
    WorkingDayCalendar calendar,
    TimeProvider clock,
    IOptions<WorkflowClockOptions> options,
    ILogger<WorkflowClock> logger) : IWorkflowClock
{
    /// <summary>A timer anchored on a stage does not read the instance's marks.</summary>
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoMarks = new Dictionary<string, DateTimeOffset>();

    /// <summary>Enough rounds for a campaign to catch up through all its stages, bounded against loops.</summary>
    private const int MaxRounds = 100;

    /// <summary>How many due timers one round reads; the next round reads the rest.</summary>
    private const int MaxTimersPerRound = 100_000;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var fired = 0;
        var batches = 0;
        var skipped = new HashSet<Guid>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var due = await DueTimersAsync(skipped, cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var group in due.GroupBy(t => (t.DefinitionId, t.DefinitionVersion, t.State, t.Trigger)))
            {
                foreach (var batch in group.Select(t => new DueTimer(t.BookmarkId, t.InstanceId)).Chunk(batchSize))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var outcomes = await FireBatchAsync(batch, group.Key, cancellationToken);
                    fired += outcomes.Count(o => o.Value == TimerOutcome.Fired);
                    skipped.UnionWith(outcomes.Where(o => o.Value == TimerOutcome.Conflict).Select(o => o.Key));
                    batches++;
                    if (options.Value.BatchFinished is { } finished)
                    {
                        await finished(batches);
                    }
                }
            }
        }

        if (fired > 0)
        {
            logger.LogInformation("Workflow clock fired {Count} timers in {Batches} batches", fired, batches);
        }

        return fired;
    }

    public async Task RetryIncidentAsync(Guid incidentId, string staffName, CancellationToken cancellationToken = default)
    {
        var incident = await db.WorkflowIncidents.FirstOrDefaultAsync(x => x.Id == incidentId, cancellationToken)
            ?? throw new NotFoundException("该异常记录");
        if (incident.IsResolved)
        {
            throw new Domain.Common.DomainException("该异常已处理，无需重试。");
        }

        var bookmark = incident.BookmarkId is { } id
            ? await db.WorkflowBookmarks.FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            : null;
        if (bookmark is null)
        {
            throw new Domain.Common.DomainException("该异常没有对应的定时任务，无法重试。");
        }

        bookmark.Retry();
        await db.SaveChangesAsync(cancellationToken);

        var outcome = await FireOneAsync(new DueTimer(bookmark.Id, bookmark.InstanceId), new TimerRetry(incidentId, staffName), cancellationToken);
        if (outcome == TimerOutcome.Conflict)
        {
            throw new ConcurrencyConflictException();
        }
    }

    public async Task<int> RescheduleAsync(Guid campaignId, string stageKey, CancellationToken cancellationToken = default)
    {
        var campaign = db.Campaigns.Local.FirstOrDefault(c => c.Id == campaignId)
            ?? await db.Campaigns.Include(c => c.Stages).FirstAsync(c => c.Id == campaignId, cancellationToken);
        // Every expression anchored on the stage ends with its anchor ("5wd after close:filing").
        var openAnchor = "open:" + stageKey;
        var closeAnchor = "close:" + stageKey;
        var candidates = await (
                from bookmark in db.WorkflowBookmarks
                join instance in db.WorkflowInstances on bookmark.InstanceId equals instance.Id
                where instance.CampaignId == campaignId
                      && bookmark.Status == BookmarkStatus.Pending
                      && (bookmark.DueExpression.EndsWith(openAnchor) || bookmark.DueExpression.EndsWith(closeAnchor))
                select new { bookmark, instance })
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var row in candidates)
        {
            var expression = TimerExpression.Parse(row.bookmark.DueExpression);
            if (expression.StageKey == stageKey)
            {
                row.bookmark.Reschedule(TimerSchedule.DueAt(expression, campaign, row.instance, NoMarks, calendar)!.Value);
                moved++;
            }
        }

        return moved;
    }

    private sealed record DueRow(Guid BookmarkId, Guid InstanceId, string DefinitionId, int DefinitionVersion, string State, string Trigger);

    /// <summary>The timers due now, earliest first, with what groups them into batches.</summary>
    private async Task<List<DueRow>> DueTimersAsync(HashSet<Guid> skipped, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var excluded = skipped.ToList();
        return await (
                from bookmark in db.WorkflowBookmarks.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on bookmark.InstanceId equals instance.Id
                where bookmark.Status == BookmarkStatus.Pending && bookmark.DueAt <= now && !EF.Parameter(excluded).Contains(bookmark.Id)
                orderby bookmark.DueAt
                select new DueRow(bookmark.Id, bookmark.InstanceId, instance.DefinitionId, instance.DefinitionVersion, instance.State, bookmark.Trigger))
            .Take(MaxTimersPerRound)
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<Guid, TimerOutcome>> FireBatchAsync(
        DueTimer[] batch,
        (string DefinitionId, int Version, string State, string Trigger) key,
        CancellationToken cancellationToken)
    {
        if (batch.Length == 1)
        {
            return new Dictionary<Guid, TimerOutcome> { [batch[0].BookmarkId] = await FireOneAsync(batch[0], retry: null, cancellationToken) };
        }

        try
        {
            return await FireInScopeAsync(batch, retry: null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(
                ex,
                "A batch of {Count} timers ({Trigger} from {State} of {DefinitionId}@{Version}) could not be saved together; firing them one at a time",
                batch.Length,
                key.Trigger,
                key.State,
                key.DefinitionId,
                key.Version);
            var outcomes = new Dictionary<Guid, TimerOutcome>();
            foreach (var timer in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes[timer.BookmarkId] = await FireOneAsync(timer, retry: null, cancellationToken);
            }

            return outcomes;
        }
    }

    /// <summary>Fires a single timer in its own transaction; a failure becomes an incident.</summary>
    private async Task<TimerOutcome> FireOneAsync(DueTimer timer, TimerRetry? retry, CancellationToken cancellationToken)
    {
        try
        {
            return (await FireInScopeAsync([timer], retry, cancellationToken))[timer.BookmarkId];
        }
        catch (ConcurrencyConflictException)
        {
            return TimerOutcome.Conflict;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Timer {BookmarkId} of instance {InstanceId} could not fire", timer.BookmarkId, timer.InstanceId);
            await RecordIncidentAsync(timer, ex.Message, retry, cancellationToken);
            return TimerOutcome.Faulted;
        }
    }

    /// <summary>
    /// One batch in its own scope and transaction. A retrying execution strategy (SQL Server) runs
    /// it again from the start after a transient failure; timers it already fired are then no
    /// longer pending, so nothing fires twice.
    /// </summary>
    private Task<IReadOnlyDictionary<Guid, TimerOutcome>> FireInScopeAsync(IReadOnlyList<DueTimer> timers, TimerRetry? retry, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var engine = Engine(scope);
                var outcomes = await engine.FireTimersAsync(timers, retry, options.Value.BeforeBatchSave, ct);
                await AuditTimersAsync(scope, engine.FiredTimers, ct);
                return outcomes;
            },
            cancellationToken);

    /// <summary>
    /// One audit row per timer that fired, by the system (ADR 0053), appended after the batch
    /// committed; a crash between the two loses these rows but not the workflow journal's.
    /// </summary>
    private async Task AuditTimersAsync(AsyncServiceScope scope, IReadOnlyList<FiredTimer> fired, CancellationToken cancellationToken)
    {
        if (fired.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var rows = fired.Select(t => new Application.Security.Audit.AuditAppend(new Domain.Security.AuditFacts
        {
            OccurredAt = now,
            Actor = Domain.Security.AuditEntry.SystemActor,
            ActorName = WorkflowActor.Clock.Name,
            Role = Domain.Security.AuditEntry.SystemActor,
            Action = Domain.Security.AuditAction.WorkflowTimer,
            Operation = "WorkflowTimer",
            OperationName = Domain.Security.AuditActions.DisplayName(Domain.Security.AuditAction.WorkflowTimer),
            SubjectKind = t.SubjectType == Domain.Workflows.WorkflowSubjectTypes.Application ? "申报" : t.Definition,
            SubjectId = t.SubjectId.ToString(),
            SubjectPerson = t.SubjectType == Domain.Workflows.WorkflowSubjectTypes.Application ? t.SubjectTitle : null,
            Detail = $"{t.Definition}：{t.FromState} → {t.ToState}（{t.Due}）",
        })).ToList();
        try
        {
            await scope.ServiceProvider.GetRequiredService<Application.Security.Audit.IAuditTrail>().AppendAsync(rows, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The audit rows of {Count} fired timers could not be written", rows.Count);
        }
    }

    private async Task RecordIncidentAsync(DueTimer timer, string message, TimerRetry? retry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scopedDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bookmark = await scopedDb.WorkflowBookmarks.FirstAsync(b => b.Id == timer.BookmarkId, cancellationToken);
        var instance = await scopedDb.WorkflowInstances.FirstAsync(i => i.Id == timer.InstanceId, cancellationToken);
        var retried = retry is null ? null : await scopedDb.WorkflowIncidents.FirstAsync(x => x.Id == retry.IncidentId, cancellationToken);
        Engine(scope).RecordIncident(bookmark, instance, retried, message, clock.GetUtcNow());
        await scopedDb.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An engine on the scope's unit of work, running on this clock's time (the demo replays 2023 on its own).</summary>
    private WorkflowEngine Engine(AsyncServiceScope scope) => new(
        scope.ServiceProvider.GetRequiredService<AppDbContext>(),
        definitions,
        scope.ServiceProvider.GetServices<IWorkflowFactProvider>(),
        scope.ServiceProvider.GetServices<IWorkflowAction>(),
        calendar,
        clock);
}

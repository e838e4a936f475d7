using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Fires due timers. Each timer fires in its own scope and transaction; a timer that is no
/// longer pending is skipped, so running twice changes nothing the second time, and a run
/// after downtime catches up on everything that fell due meanwhile.
/// </summary>
internal sealed class WorkflowClock(
    AppDbContext db,
    IServiceScopeFactory scopes,
    IWorkflowDefinitions definitions,
    IEnumerable<IWorkflowGuard> guards,
    WorkingDayCalendar calendar,
    TimeProvider clock,
    ILogger<WorkflowClock> logger) : IWorkflowClock
{
    private const int BatchSize = 200;

    /// <summary>A timer anchored on a stage does not read the instance's marks.</summary>
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoMarks = new Dictionary<string, DateTimeOffset>();

    /// <summary>Enough rounds for a campaign to catch up through all its stages, bounded against loops.</summary>
    private const int MaxRounds = 100;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var fired = 0;
        var skipped = new HashSet<Guid>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = clock.GetUtcNow();
            var due = await db.WorkflowBookmarks.AsNoTracking()
                .Where(b => b.Status == BookmarkStatus.Pending && b.DueAt <= now)
                .OrderBy(b => b.DueAt)
                .Select(b => b.Id)
                .Take(BatchSize + skipped.Count)
                .ToListAsync(cancellationToken);
            due.RemoveAll(skipped.Contains);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var bookmarkId in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = await FireBookmarkAsync(bookmarkId, cancellationToken);
                if (outcome == Outcome.Fired)
                {
                    fired++;
                }
                else if (outcome == Outcome.Conflict)
                {
                    skipped.Add(bookmarkId);
                }
            }
        }

        if (fired > 0)
        {
            logger.LogInformation("Workflow clock fired {Count} timers", fired);
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

        var outcome = await FireBookmarkAsync(bookmark.Id, cancellationToken, retryingIncident: incidentId, staffName: staffName);
        if (outcome == Outcome.Conflict)
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

    private enum Outcome
    {
        Fired,
        Skipped,
        Faulted,
        Conflict,
    }

    private async Task<Outcome> FireBookmarkAsync(Guid bookmarkId, CancellationToken cancellationToken, Guid? retryingIncident = null, string? staffName = null)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var scopedDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var engine = new WorkflowEngine(scopedDb, definitions, guards, scope.ServiceProvider.GetServices<IWorkflowFactProvider>(), scope.ServiceProvider.GetServices<IWorkflowAction>(), calendar, clock);
            var bookmark = await scopedDb.WorkflowBookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
            if (bookmark is null || !bookmark.IsPending)
            {
                return Outcome.Skipped;
            }

            try
            {
                await engine.FireAsync(
                    new FireRequest(bookmark.InstanceId, bookmark.Trigger, WorkflowActor.Clock, $"定时触发（{bookmark.DueExpression}）"),
                    bookmark.Id,
                    cancellationToken);
                if (retryingIncident is { } incidentId)
                {
                    await ResolveIncidentAsync(incidentId, bookmark.InstanceId, staffName!, cancellationToken);
                }

                return Outcome.Fired;
            }
            catch (ConcurrencyConflictException)
            {
                // Somebody acted on the instance at the same moment: the next run looks again.
                return Outcome.Conflict;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Timer {BookmarkId} ({Trigger}) of instance {InstanceId} could not fire", bookmark.Id, bookmark.Trigger, bookmark.InstanceId);
                await RecordIncidentAsync(bookmark, ex.Message, retryingIncident, cancellationToken);
                return Outcome.Faulted;
            }
        }
    }

    private async Task RecordIncidentAsync(WorkflowBookmark firing, string message, Guid? retryingIncident, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scopedDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var bookmark = await scopedDb.WorkflowBookmarks.FirstAsync(b => b.Id == firing.Id, cancellationToken);
        var instance = await scopedDb.WorkflowInstances.FirstAsync(i => i.Id == firing.InstanceId, cancellationToken);
        bookmark.MarkFaulted(now);
        if (retryingIncident is { } incidentId)
        {
            var incident = await scopedDb.WorkflowIncidents.FirstAsync(x => x.Id == incidentId, cancellationToken);
            incident.RetryFailed(message, now);
            instance.Touch(now);
        }
        else
        {
            scopedDb.WorkflowIncidents.Add(WorkflowIncident.Open(instance.Id, bookmark.Id, bookmark.Trigger, message, now));
            instance.RecordIncident(now);
        }

        await scopedDb.SaveChangesAsync(cancellationToken);
    }

    private async Task ResolveIncidentAsync(Guid incidentId, Guid instanceId, string staffName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scopedDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var incident = await scopedDb.WorkflowIncidents.FirstAsync(x => x.Id == incidentId, cancellationToken);
        incident.Resolve(staffName, now);
        var instance = await scopedDb.WorkflowInstances.FirstAsync(i => i.Id == instanceId, cancellationToken);
        var unresolved = await scopedDb.WorkflowIncidents.CountAsync(x => x.InstanceId == instanceId && x.ResolvedAt == null && x.Id != incidentId, cancellationToken);
        if (unresolved == 0)
        {
            instance.IncidentsResolved(now);
        }
        else
        {
            instance.Touch(now);
        }

        await scopedDb.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Notifications;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Reminders;

/// <summary>
/// Sends every deadline reminder due now that has not gone out yet: run by the hourly job (as the
/// system clock) and by the office from the reminders page.
/// </summary>
public sealed record SendReminders(WorkflowActor Actor);

/// <param name="Sent">Reminders sent by this run.</param>
/// <param name="AlreadySent">Reminders due now that had gone out before (or that another run sent meanwhile).</param>
public sealed record RemindersSent(int Sent, int AlreadySent);

/// <summary>
/// Each reminder is its own unit of work: the <see cref="ReminderSent"/> row is inserted first,
/// then the notification and the outbox's messages, committed together. The row's unique key
/// (person, campaign, window, lead) makes a second run — or a second instance running at the same
/// moment — fail on that insert and send nothing; such a loss counts as already sent.
/// </summary>
internal sealed class SendRemindersHandler(
    ReminderPlanner planner,
    IApplicationDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<SendRemindersHandler> logger) : IHandler<SendReminders, RemindersSent>
{
    public const string Purpose = "截止提醒";

    public async Task<RemindersSent> HandleAsync(SendReminders request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.IsSystem && !request.Actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办可以发送截止提醒。");
        }

        var now = clock.GetUtcNow();
        var due = await planner.DueAsync(now, cancellationToken);
        var sentBefore = await AlreadySentAsync(db, due, cancellationToken);
        var sent = 0;
        var lost = 0;
        foreach (var reminder in due.Where(d => !sentBefore.Contains(d.Key)))
        {
            if (await SendOneAsync(reminder, now, cancellationToken))
            {
                sent++;
            }
            else
            {
                lost++;
            }
        }

        if (sent > 0)
        {
            logger.LogInformation("Deadline reminders: {Sent} sent, {AlreadySent} already sent", sent, sentBefore.Count + lost);
        }

        return new RemindersSent(sent, sentBefore.Count + lost);
    }

    /// <summary>The keys of the due reminders that went out before, in one query.</summary>
    public static async Task<HashSet<(string AccountId, Guid CampaignId, string StageKey, ReminderLead Lead)>> AlreadySentAsync(
        IApplicationDbContext db, IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return [];
        }

        var campaigns = due.Select(d => d.CampaignId).Distinct().ToList();
        var accounts = due.Select(d => d.AccountId).Distinct().ToList();
        var rows = await db.RemindersSent.AsNoTracking()
            .Where(r => campaigns.Contains(r.CampaignId) && accounts.Contains(r.AccountId))
            .Select(r => new { r.AccountId, r.CampaignId, r.StageKey, r.Lead })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.AccountId, r.CampaignId, r.StageKey, r.Lead)).ToHashSet();
    }

    private async Task<bool> SendOneAsync(DueReminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IMessageOutbox>();
        var links = scope.ServiceProvider.GetRequiredService<ISiteLinks>();
        try
        {
            await using var transaction = await work.BeginTransactionAsync(cancellationToken);
            var notification = AccountNotification.Create(reminder.AccountId, reminder.Title, reminder.Body, reminder.Link, now);
            work.RemindersSent.Add(ReminderSent.Record(reminder.AccountId, reminder.CampaignId, reminder.StageKey, reminder.Lead, reminder.OpensAt, reminder.ClosesAt, notification.Id, now));
            await work.SaveChangesAsync(cancellationToken);

            work.AccountNotifications.Add(notification);
            var greeting = string.IsNullOrWhiteSpace(reminder.Recipient.Name) ? "您好：" : $"{reminder.Recipient.Name}，您好：";
            outbox.Enqueue(reminder.Recipient, new OutgoingMessage(Purpose, reminder.Title, $"{greeting}{reminder.Body}请登录系统办理：{links.Absolute(reminder.Link)}"));
            await work.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation("Reminder {StageKey}/{Lead} for account {AccountId} was sent by another run ({Error})", reminder.StageKey, reminder.Lead, reminder.AccountId, ex.GetType().Name);
            return false;
        }
    }
}

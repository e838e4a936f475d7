using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Messaging;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Jobs;

/// <summary>The jobs Infrastructure runs every minute (and the reminders every hour), scheduled by the host once it has started its services.</summary>
public static class RecurringJobs
{
    /// <summary>
    /// The workflow clock (unless <c>Workflow:ClockEnabled</c> is false) and message delivery
    /// (unless <c>Messaging:AutoDeliver</c> is false), each every minute; the deadline reminders
    /// (unless <c>Notifications:RemindersEnabled</c> is false) at the top of every hour, since each
    /// reminder's slot begins at a full hour (00:00 Beijing time, three days and one day before a close).
    /// </summary>
    public static void ScheduleRecurringJobs(this IServiceProvider services, IConfiguration configuration)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var everyMinute = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        if (configuration.GetValue(WorkflowClockJob.EnabledKey, defaultValue: true))
        {
            jobs.AddOrUpdate<WorkflowClockJob>(WorkflowClockJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), everyMinute);
        }

        if (configuration.GetValue("Messaging:AutoDeliver", defaultValue: true))
        {
            jobs.AddOrUpdate<MessageDeliveryJob>(MessageDeliveryJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), everyMinute);
        }

        if (configuration.GetValue("Notifications:RemindersEnabled", defaultValue: true))
        {
            jobs.AddOrUpdate<ReminderJob>(ReminderJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), everyMinute);
        }

        // The next Data Protection key, made ahead of need outside any request (ADR 0058).
        jobs.AddOrUpdate<Identity.KeyRingMaintenance>(Identity.KeyRingMaintenance.RecurringJobId, job => job.EnsureAhead(null), Cron.Daily(3), everyMinute);
    }
}

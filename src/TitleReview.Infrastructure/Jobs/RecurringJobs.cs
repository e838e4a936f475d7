using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Messaging;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Jobs;

/// <summary>The jobs Infrastructure runs every minute, scheduled by the host once it has started its services.</summary>
public static class RecurringJobs
{
    /// <summary>
    /// The workflow clock (unless <c>Workflow:ClockEnabled</c> is false) and message delivery
    /// (unless <c>Messaging:AutoDeliver</c> is false), each every minute.
    /// </summary>
    public static void ScheduleRecurringJobs(this IServiceProvider services, IConfiguration configuration)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var everyMinute = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        if (configuration.GetValue("Workflow:ClockEnabled", defaultValue: true))
        {
            jobs.AddOrUpdate<WorkflowClockJob>(WorkflowClockJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), everyMinute);
        }

        if (configuration.GetValue("Messaging:AutoDeliver", defaultValue: true))
        {
            jobs.AddOrUpdate<MessageDeliveryJob>(MessageDeliveryJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), everyMinute);
        }
    }
}

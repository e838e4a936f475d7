using Hangfire;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Reminders;
using TitleReview.Domain.Workflows;

namespace TitleReview.Infrastructure.Jobs;

/// <summary>
/// The hourly Hangfire job that sends the deadline reminders due (ADR 56). Runs may overlap, on one
/// instance or several: each reminder's unique key lets only one of them send it.
/// </summary>
internal sealed class ReminderJob(IHandler<SendReminders, RemindersSent> send)
{
    public const string RecurringJobId = "deadline-reminders";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => send.HandleAsync(new SendReminders(WorkflowActor.Clock), cancellationToken);
}

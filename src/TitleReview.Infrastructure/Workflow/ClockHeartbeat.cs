using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Hosting;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>What the workflow clock's last finished run left behind: when it ended and how many timers it fired.</summary>
public sealed record ClockRun(DateTimeOffset FinishedAt, int TimersFired);

/// <summary>
/// The workflow clock's heartbeat (ADR 0061): each finished run of <see cref="WorkflowClockJob"/>
/// writes its time (from <see cref="TimeProvider"/>) and its count of fired timers into a hash of
/// Hangfire's job storage, which every instance of a cluster shares (the in-memory storage and the
/// SQL Server storage alike), so no table and no migration. The health check and the metrics read it.
/// A hosted service only so that <see cref="HostStartedAt"/> is taken when the host starts.
/// </summary>
public sealed class ClockHeartbeat(JobStorage storage, TimeProvider clock) : IHostedService
{
    /// <summary>The hash's key in Hangfire's storage.</summary>
    public const string HashKey = "titlereview:workflow-clock:heartbeat";

    private const string FinishedAtField = "finished-at";
    private const string TimersFiredField = "timers-fired";

    /// <summary>When this host started (by <see cref="TimeProvider"/>): a clock that never ran is given a grace period from here.</summary>
    public DateTimeOffset HostStartedAt { get; } = clock.GetUtcNow();

    /// <summary>Records a finished run now.</summary>
    public void Record(int timersFired)
    {
        var finishedAt = clock.GetUtcNow();
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(HashKey,
        [
            new KeyValuePair<string, string>(FinishedAtField, finishedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>(TimersFiredField, timersFired.ToString(CultureInfo.InvariantCulture)),
        ]);
        transaction.Commit();
    }

    /// <summary>The last finished run of any instance, or null when none is recorded (or the record is unreadable).</summary>
    public ClockRun? LastRun()
    {
        using var connection = storage.GetConnection();
        var entries = connection.GetAllEntriesFromHash(HashKey);
        if (entries is null
            || !entries.TryGetValue(FinishedAtField, out var finished)
            || !DateTimeOffset.TryParse(finished, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var finishedAt))
        {
            return null;
        }

        var fired = entries.TryGetValue(TimersFiredField, out var count) && int.TryParse(count, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return new ClockRun(finishedAt, fired);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

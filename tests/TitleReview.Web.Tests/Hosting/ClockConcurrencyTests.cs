using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Web.Tests.Hosting;

/// <summary>
/// The workflow clock runs once at a time across the cluster: two Hangfire servers on one job
/// storage (as two instances share SQL Server's) take two runs, and the second waits on the
/// storage's distributed lock until the first has finished (ADR 0058).
/// </summary>
public class ClockConcurrencyTests
{
    [Test]
    public async Task TwoServersOnOneStorage_NeverRunTheClockJobAtTheSameTime()
    {
        // Hangfire's log provider is process-wide and the last web host of this test run set it to
        // its own, now disposed, logger factory; these servers log nowhere.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Silent());
        using var storage = new InMemoryStorage(new InMemoryStorageOptions());
        var clock = new GatedClock();
        var services = new ServiceCollection()
            .AddSingleton<IWorkflowClock>(clock)
            .AddSingleton<JobStorage>(storage)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ClockHeartbeat>()
            .AddSingleton<TitleReview.Infrastructure.Operations.TitleReviewMeter>()
            .AddMetrics()
            .AddLogging()
            .BuildServiceProvider();
        var activator = new ServiceActivator(services);
        using var one = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "instance-1", WorkerCount = 1, Activator = activator }, storage);
        using var two = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "instance-2", WorkerCount = 1, Activator = activator }, storage);
        var client = new BackgroundJobClient(storage);

        client.Enqueue<WorkflowClockJob>(job => job.RunAsync(CancellationToken.None));
        await clock.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        client.Enqueue<WorkflowClockJob>(job => job.RunAsync(CancellationToken.None));

        // Both servers hold a run: the first inside the clock, the second at the lock.
        var processing = await EventuallyAsync(() => storage.GetMonitoringApi().ProcessingJobs(0, 10), jobs => jobs.Count == 2);
        processing.Select(j => j.Value.ServerId).Distinct().Should().HaveCount(2, "each instance took one run");
        clock.Runs.Should().Be(1, "the second run waits for the lock while the first is inside the clock");

        clock.Release.SetResult();
        await EventuallyAsync(() => storage.GetMonitoringApi().SucceededListCount(), count => count == 2);

        clock.Runs.Should().Be(2);
        clock.MostAtOnce.Should().Be(1);
        services.GetRequiredService<ClockHeartbeat>().LastRun().Should().NotBeNull("each finished run leaves its heartbeat in the shared storage");
    }

    /// <summary>Polls a real server's state until it holds, within a generous bound.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> holds)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var value = read();
            if (holds(value))
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), bound.Token);
        }
    }

    /// <summary>A clock whose first run stays inside until the test releases it, counting overlaps.</summary>
    private sealed class GatedClock : IWorkflowClock
    {
        private int _inside;
        private int _runs;
        private int _mostAtOnce;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => Volatile.Read(ref _runs);

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public async Task<int> RunAsync(CancellationToken cancellationToken = default)
        {
            var inside = Interlocked.Increment(ref _inside);
            Interlocked.Increment(ref _runs);
            InterlockedMax(ref _mostAtOnce, inside);
            Entered.TrySetResult();
            await Release.Task;
            Interlocked.Decrement(ref _inside);
            return 0;
        }

        public Task RetryIncidentAsync(Guid incidentId, string staffName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<int> RescheduleAsync(Guid campaignId, string stageKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private sealed class Silent : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    private sealed class ServiceActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => ActivatorUtilities.CreateInstance(services, jobType);
    }
}

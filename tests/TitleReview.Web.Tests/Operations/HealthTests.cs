using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Workflow;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Operations;

/// <summary>
/// /health reports the workflow clock's heartbeat (ADR 0061): Unhealthy (503) once the last run is
/// more than 3 minutes old by the fake clock, or when it never ran 3 minutes after start-up; the
/// job is run by the test itself, never by Hangfire's real-time scheduler.
/// </summary>
public class HealthTests
{
    private static readonly DateTimeOffset Start = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 9, 0, 0));

    [Test]
    public async Task Clock_HealthyAfterARun_StillAt2m59_UnhealthyAt3m01_HealthyAfterTheNextRun()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = ClockOnFactory(clock);
        using var client = factory.CreateClient();
        clock.Advance(TimeSpan.FromMinutes(10));

        await RunClockAsync(factory);
        var (status, checks) = await HealthAsync(client);
        status.Should().Be(HttpStatusCode.OK);
        checks["clock"].Status.Should().Be("Healthy");
        checks["clock"].Description.Should().Contain("上次运行于 2026-06-15 09:10:00");

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(59));
        (await HealthAsync(client)).Checks["clock"].Status.Should().Be("Healthy");

        clock.Advance(TimeSpan.FromSeconds(2));
        (status, checks) = await HealthAsync(client);
        status.Should().Be(HttpStatusCode.ServiceUnavailable, "an unhealthy check makes the instance unready");
        checks["clock"].Status.Should().Be("Unhealthy");
        checks["clock"].Description.Should().Contain("超过 3 分钟未运行");

        await RunClockAsync(factory);
        (status, checks) = await HealthAsync(client);
        status.Should().Be(HttpStatusCode.OK);
        checks["clock"].Status.Should().Be("Healthy");
        checks["clock"].Description.Should().Contain("09:13:01");
    }

    [Test]
    public async Task Clock_NeverRan_HealthyForThreeMinutesAfterStart_ThenUnhealthy()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = ClockOnFactory(clock);
        using var client = factory.CreateClient();

        var (status, checks) = await HealthAsync(client);
        status.Should().Be(HttpStatusCode.OK);
        checks["clock"].Status.Should().Be("Healthy");
        checks["clock"].Description.Should().Contain("尚未运行");

        clock.Advance(TimeSpan.FromMinutes(3));
        (await HealthAsync(client)).Checks["clock"].Status.Should().Be("Healthy");

        clock.Advance(TimeSpan.FromSeconds(1));
        (status, checks) = await HealthAsync(client);
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        checks["clock"].Status.Should().Be("Unhealthy");
        checks["clock"].Description.Should().Contain("从未运行");
    }

    [Test]
    public async Task Clock_SwitchedOff_IsDegraded_AndTheInstanceStaysReady()
    {
        using var factory = new TitleReviewFactory();
        using var client = factory.CreateClient();

        var (status, checks) = await HealthAsync(client);

        status.Should().Be(HttpStatusCode.OK);
        checks["clock"].Status.Should().Be("Degraded");
        checks["clock"].Description.Should().Contain("已关闭").And.Contain("Workflow:ClockEnabled");
    }

    [Test]
    public async Task Clock_HeartbeatIsInTheSharedJobStorage()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = ClockOnFactory(clock);
        _ = factory.Services;

        await RunClockAsync(factory);

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var hash = connection.GetAllEntriesFromHash(ClockHeartbeat.HashKey);
        hash.Should().ContainKey("finished-at").And.ContainKey("timers-fired");
        DateTimeOffset.Parse(hash["finished-at"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(Start);
        hash["timers-fired"].Should().Be("0");
    }

    [Test]
    public async Task Disk_BelowTheMinimum_IsUnhealthy_BelowTwiceIt_Degraded()
    {
        var freeMegabytes = FreeMegabytes();

        (await DiskAsync(freeMegabytes * 4)).Should().Be(("Unhealthy", HttpStatusCode.ServiceUnavailable));
        (await DiskAsync(freeMegabytes * 2 / 3)).Should().Be(("Degraded", HttpStatusCode.OK));
        (await DiskAsync(1)).Should().Be(("Healthy", HttpStatusCode.OK));
    }

    [Test]
    public async Task Health_NamesItsChecks_AndAliveRunsNone()
    {
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Health:MinimumFreeDiskMegabytes"] = "999999999" });
        using var client = factory.CreateClient();

        var (status, checks) = await HealthAsync(client);

        status.Should().Be(HttpStatusCode.ServiceUnavailable, "the disk is (by this setting) too full");
        checks.Keys.Should().Contain(["database", "hangfire", "clock", "disk"]);
        checks["disk"].Description.Should().Contain("低于下限 999999999 MB");
        (await client.GetAsync("/alive")).StatusCode.Should().Be(HttpStatusCode.OK, "liveness asks nothing");
    }

    internal static TitleReviewFactory ClockOnFactory(FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(
            clock: clock,
            settings: new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { [WorkflowClockJob.EnabledKey] = "true" },
            services: s =>
            {
                s.AddSingleton<IRecurringJobManager, NoRecurringJobs>();
                services?.Invoke(s);
            });

    internal static async Task RunClockAsync(TitleReviewFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowClockJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<(string Status, HttpStatusCode Code)> DiskAsync(long minimumMegabytes)
    {
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?>
        {
            ["Health:MinimumFreeDiskMegabytes"] = minimumMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = factory.CreateClient();
        var (code, checks) = await HealthAsync(client);
        return (checks["disk"].Status, code);
    }

    private static long FreeMegabytes() =>
        new DriveInfo(Path.GetTempPath()).AvailableFreeSpace / (1024 * 1024);

    private static async Task<(HttpStatusCode Code, Dictionary<string, (string Status, string Description)> Checks)> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? string.Empty));
        return (response.StatusCode, checks);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Operations;

/// <summary>
/// "The clock ran in the last 3 minutes" (ADR 0061): Unhealthy when the workflow clock's last
/// finished run, by any instance, is more than <see cref="MaxSilence"/> old by <see cref="TimeProvider"/>;
/// with no run recorded yet, Healthy for the first <see cref="MaxSilence"/> after this host started
/// and Unhealthy afterwards; Degraded when <c>Workflow:ClockEnabled</c> is false (nothing fires deadlines).
/// </summary>
internal sealed class ClockHealthCheck(ClockHeartbeat heartbeat, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public const string Name = "clock";

    /// <summary>The clock runs every minute; three minutes without a run means it has stopped.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(3);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!configuration.GetValue(WorkflowClockJob.EnabledKey, defaultValue: true))
        {
            return Task.FromResult(HealthCheckResult.Degraded($"流程定时任务已关闭（{WorkflowClockJob.EnabledKey}=false），到期的时限不会自动处理。"));
        }

        ClockRun? last;
        try
        {
            last = heartbeat.LastRun();
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("无法读取流程定时任务的运行记录（后台任务存储无法访问）。", ex));
        }

        var now = clock.GetUtcNow();
        if (last is null)
        {
            return Task.FromResult(now - heartbeat.HostStartedAt <= MaxSilence
                ? HealthCheckResult.Healthy("本实例启动不足 3 分钟，流程定时任务尚未运行。")
                : HealthCheckResult.Unhealthy("流程定时任务从未运行（本实例启动已超过 3 分钟）。"));
        }

        var silence = now - last.FinishedAt;
        return Task.FromResult(silence > MaxSilence
            ? HealthCheckResult.Unhealthy($"流程定时任务已超过 3 分钟未运行：上次运行于 {BeijingTime.Format(last.FinishedAt)}（北京时间）。")
            : HealthCheckResult.Healthy($"流程定时任务上次运行于 {BeijingTime.Format(last.FinishedAt)}（北京时间），触发 {last.TimersFired} 个定时器。"));
    }
}

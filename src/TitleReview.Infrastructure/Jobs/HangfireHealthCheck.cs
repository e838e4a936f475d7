using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TitleReview.Infrastructure.Jobs;

/// <summary>Healthy when the job storage answers and at least one Hangfire server is alive.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} 个后台任务服务在运行。")
                : HealthCheckResult.Unhealthy("没有正在运行的后台任务服务。"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("后台任务存储无法访问。", ex));
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TitleReview.Infrastructure.Files;

/// <summary>
/// The <c>file-store</c> health check: asks the configured store (local folder writable, or the
/// object store's bucket reachable); a store that throws is unhealthy, never a failed request.
/// </summary>
internal sealed class FileStoreHealthCheck(IFileStoreProbe probe) : IHealthCheck
{
    public const string Name = "file-store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await probe.ProbeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("文件存储无法访问。", ex);
        }
    }
}

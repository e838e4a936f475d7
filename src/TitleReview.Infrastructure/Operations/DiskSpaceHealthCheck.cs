using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Operations;

/// <summary>Health thresholds (configuration section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    public const long DefaultMinimumFreeDiskMegabytes = 1024;

    /// <summary>Below this much free space on the data folder's drive /health is Unhealthy; below twice this, Degraded.</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = DefaultMinimumFreeDiskMegabytes;
}

/// <summary>
/// Free space on the drive of the data folder (the SQLite database, uploads, logs, backups):
/// Unhealthy below <see cref="HealthOptions.MinimumFreeDiskMegabytes"/>, Degraded below twice that (ADR 0061).
/// </summary>
internal sealed class DiskSpaceHealthCheck(StoragePaths paths, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "disk";

    private const long Megabyte = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long free;
        try
        {
            free = FreeBytes(paths.DataFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("无法读取数据目录所在磁盘的剩余空间。", ex));
        }

        var minimum = options.Value.MinimumFreeDiskMegabytes;
        var freeMegabytes = free / Megabyte;
        var data = new Dictionary<string, object> { ["freeMegabytes"] = freeMegabytes, ["minimumFreeMegabytes"] = minimum };
        var described = $"数据目录所在磁盘剩余 {freeMegabytes} MB";
        HealthCheckResult result = freeMegabytes < minimum
            ? HealthCheckResult.Unhealthy($"{described}，低于下限 {minimum} MB。", data: data)
            : freeMegabytes < 2 * minimum
                ? HealthCheckResult.Degraded($"{described}，已不足下限 {minimum} MB 的两倍。", data: data)
                : HealthCheckResult.Healthy($"{described}。", data);
        return Task.FromResult(result);
    }

    /// <summary>The space an unprivileged process may still write on the folder's drive.</summary>
    private static long FreeBytes(string folder)
    {
        var full = Path.GetFullPath(folder);
        var drive = new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(full)! : full);
        return drive.AvailableFreeSpace;
    }
}

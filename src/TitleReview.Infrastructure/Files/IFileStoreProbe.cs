using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TitleReview.Infrastructure.Files;

/// <summary>A file store's own answer to "can you keep files right now?", for the <c>file-store</c> health check.</summary>
internal interface IFileStoreProbe
{
    Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken);
}

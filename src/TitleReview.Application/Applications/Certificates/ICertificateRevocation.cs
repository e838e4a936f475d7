using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>
/// What the integrity decisions ask of the certificates: a title obtained with false material is
/// revoked (notice 四). The Certificates part implements it; the integrity case's decision calls it.
/// </summary>
public interface ICertificateRevocation
{
    /// <summary>
    /// Stages, in the caller's unit of work, the revocation of the valid certificate issued on the
    /// application: its status becomes revoked, with the reason, the time and who decided, and the
    /// public verification says so from then on. The caller saves.
    /// </summary>
    /// <returns>The revoked certificate's number; null when the application has no valid certificate.</returns>
    Task<string?> RevokeAsync(Guid applicationId, string reason, WorkflowActor actor, CancellationToken cancellationToken = default);
}

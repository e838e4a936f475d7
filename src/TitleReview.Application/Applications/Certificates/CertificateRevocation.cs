using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>The integrity decision's revocation: stages it on the caller's unit of work, which saves it with the decision.</summary>
internal sealed class CertificateRevocation(IApplicationDbContext db, TimeProvider clock) : ICertificateRevocation
{
    public async Task<string?> RevokeAsync(Guid applicationId, string reason, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.ApplicationId == applicationId && c.Status == CertificateStatus.Valid, cancellationToken);
        if (certificate is null)
        {
            return null;
        }

        certificate.Revoke(reason, clock.GetUtcNow(), actor.Id, actor.Name);
        return certificate.Number;
    }
}

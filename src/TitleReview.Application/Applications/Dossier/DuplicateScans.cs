using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>
/// Scans whose file (by SHA-256) is also in another applicant's dossier, for the office's lists.
/// The applicant's own dossiers of other years do not count: reusing one's own scan is no copy.
/// </summary>
internal static class DuplicateScans
{
    /// <summary>For each of the applications, how many of its scans another applicant's dossier holds too.</summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> CountPerApplicationAsync(IApplicationDbContext db, IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var scans = await (
                from attachment in db.DossierAttachments.AsNoTracking()
                where applicationIds.Contains(attachment.ApplicationId)
                join application in db.TitleApplications.AsNoTracking() on attachment.ApplicationId equals application.Id
                select new { attachment.ApplicationId, application.ApplicantUserId, attachment.Sha256 })
            .ToListAsync(cancellationToken);
        var hashes = scans.Select(s => s.Sha256).Distinct().ToList();
        var holders = (await (
                from attachment in db.DossierAttachments.AsNoTracking()
                where hashes.Contains(attachment.Sha256)
                join application in db.TitleApplications.AsNoTracking() on attachment.ApplicationId equals application.Id
                select new { attachment.Sha256, application.ApplicantUserId })
            .Distinct()
            .ToListAsync(cancellationToken))
            .ToLookup(h => h.Sha256, h => h.ApplicantUserId);
        return scans
            .Where(s => holders[s.Sha256].Any(user => user != s.ApplicantUserId))
            .GroupBy(s => s.ApplicationId)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}

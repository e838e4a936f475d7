using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Application.Applications.Opinions;

/// <summary>The review form's opinions as saved, with who typed them and when.</summary>
/// <param name="Department">The supervising department the 主管部门意见 speaks for.</param>
public sealed record ReviewFormOpinionsView(string UnitOpinion, string Department, string DepartmentOpinion, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// What the Applications module tells the office's pages about the review forms' opinions (the
/// paper check-in shows them at the counter), in one query however many applicants (ADR 22, 26).
/// </summary>
public interface IReviewFormOpinions
{
    /// <summary>The opinions of those among <paramref name="applicationIds"/> whose auditor has saved them.</summary>
    Task<IReadOnlyDictionary<Guid, ReviewFormOpinionsView>> FindAllAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default);
}

internal sealed class ReviewFormOpinionsDirectory(IApplicationDbContext db) : IReviewFormOpinions
{
    public async Task<IReadOnlyDictionary<Guid, ReviewFormOpinionsView>> FindAllAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default)
    {
        if (applicationIds.Count == 0)
        {
            return new Dictionary<Guid, ReviewFormOpinionsView>();
        }

        var rows = await db.TitleApplications.AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id) && a.OpinionsRecordedAt != null)
            .Select(a => new { a.Id, a.UnitOpinion, a.OpinionDepartment, a.DepartmentOpinion, a.OpinionsRecordedAt, a.OpinionsRecordedBy })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new ReviewFormOpinionsView(r.UnitOpinion!, r.OpinionDepartment!, r.DepartmentOpinion!, r.OpinionsRecordedAt!.Value, r.OpinionsRecordedBy!));
    }
}

internal static class ReviewFormOpinionsOf
{
    /// <summary>The opinions of an application already loaded; null until its auditor saves them.</summary>
    public static ReviewFormOpinionsView? Of(Domain.Applications.TitleApplication application) =>
        application.OpinionsRecordedAt is { } at
            ? new ReviewFormOpinionsView(application.UnitOpinion!, application.OpinionDepartment!, application.DepartmentOpinion!, at, application.OpinionsRecordedBy!)
            : null;
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Integrity;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Integrity;

/// <summary>
/// The marks of a list's applicants. The ID number sits on the account (Identity), so the one
/// command that joins the applications, their applicants' accounts, the integrity record and the
/// negative list lives here, beside both.
/// </summary>
internal sealed class IntegrityMarks(AppDbContext db, TimeProvider clock) : IIntegrityMarks
{
    public async Task<IntegrityMarkSet> ForApplicationsAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default)
    {
        if (applicationIds.Count == 0)
        {
            return IntegrityMarkSet.Empty;
        }

        var today = BeijingTime.Today(clock);
        var rows = await (
                from application in db.TitleApplications.AsNoTracking()
                join user in db.Users.AsNoTracking() on application.ApplicantUserId equals user.Id
                where applicationIds.Contains(application.Id)
                select new
                {
                    application.Id,
                    BannedUntil = db.IntegrityRecordEntries
                        .Where(e => e.IdNumber == user.IdNumber && e.BannedUntil != null && e.BannedUntil >= today)
                        .OrderByDescending(e => e.BannedUntil)
                        .Select(e => e.BannedUntil)
                        .FirstOrDefault(),
                    Finding = db.IntegrityRecordEntries
                        .Where(e => e.IdNumber == user.IdNumber && e.BannedUntil != null && e.BannedUntil >= today)
                        .OrderByDescending(e => e.BannedUntil)
                        .Select(e => e.Finding)
                        .FirstOrDefault(),
                    ListedUntil = db.NegativeListEntries
                        .Where(n => n.UnitId == application.UnitId && n.From <= today && n.LastDay >= today)
                        .OrderByDescending(n => n.LastDay)
                        .Select(n => (DateOnly?)n.LastDay)
                        .FirstOrDefault(),
                    Reason = db.NegativeListEntries
                        .Where(n => n.UnitId == application.UnitId && n.From <= today && n.LastDay >= today)
                        .OrderByDescending(n => n.LastDay)
                        .Select(n => n.Reason)
                        .FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        var marks = new Dictionary<Guid, IReadOnlyList<IntegrityBadge>>();
        foreach (var row in rows)
        {
            var badges = new List<IntegrityBadge>();
            if (row.BannedUntil is { } until)
            {
                badges.Add(new IntegrityBadge(IntegrityBadge.Ban, $"诚信限制申报至 {IntegrityDates.Format(until)}", row.Finding ?? string.Empty));
            }

            if (row.ListedUntil is { } listedUntil)
            {
                badges.Add(new IntegrityBadge(IntegrityBadge.NegativeList, $"单位列入诚信负面清单（至 {IntegrityDates.Format(listedUntil)}）", row.Reason ?? string.Empty));
            }

            if (badges.Count > 0)
            {
                marks[row.Id] = badges;
            }
        }

        return new IntegrityMarkSet(marks);
    }
}

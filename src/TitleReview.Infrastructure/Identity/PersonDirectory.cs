using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Notifications;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

internal sealed class PersonDirectory(AppDbContext db) : IPersonDirectory
{
    public async Task<(string? Mobile, string? IdNumber)> GetContactAsync(string userId, CancellationToken cancellationToken = default)
    {
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.PhoneNumber, u.IdNumber })
            .FirstOrDefaultAsync(cancellationToken);
        return (person?.PhoneNumber, person?.IdNumber);
    }

    public async Task<IReadOnlyDictionary<string, MessageRecipient>> RecipientsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PhoneNumber })
            .ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.Id, p => new MessageRecipient(p.DisplayName, p.Email, p.PhoneNumber));
    }

    public async Task<ILookup<Guid, MessageRecipient>> AuditorsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default) =>
        (await AuditorAccountsAsync(unitIds, cancellationToken)).SelectMany(g => g.Select(a => (UnitId: g.Key, a.Recipient))).ToLookup(a => a.UnitId, a => a.Recipient);

    public async Task<ILookup<Guid, (string AccountId, MessageRecipient Recipient)>> AuditorAccountsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default)
    {
        var auditors = await (
                from user in db.Users.AsNoTracking()
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Auditor && user.IsActive && user.UnitId != null && unitIds.Contains(user.UnitId.Value)
                select new { UnitId = user.UnitId!.Value, user.Id, user.DisplayName, user.Email, user.PhoneNumber })
            .ToListAsync(cancellationToken);
        return auditors.ToLookup(a => a.UnitId, a => (a.Id, new MessageRecipient(a.DisplayName, a.Email, a.PhoneNumber)));
    }
}

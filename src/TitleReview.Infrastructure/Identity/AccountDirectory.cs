using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Security;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

internal sealed class AccountDirectory(AppDbContext db, TimeProvider clock) : IAccountDirectory
{
    public async Task<IReadOnlyDictionary<string, int>> CountByRoleAsync(CancellationToken cancellationToken = default)
    {
        var counts = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                group userRole by role.Name into g
                select new { Role = g.Key!, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Role, c => c.Count);
    }

    public async Task<IReadOnlyList<AccountSummary>> ListUnitMembersAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from user in db.Users
                where user.UnitId == unitId
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                orderby role.Name, user.UserName
                select new { user.UserName, user.DisplayName, Role = role.Name, user.LockoutEnd })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows
            .Select(r => new AccountSummary(MobileNumber.MaskIfMobile(r.UserName), r.DisplayName, r.Role!, r.LockoutEnd is { } end && end > now))
            .ToList();
    }
}

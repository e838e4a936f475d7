using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Committee.Forming;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Application.Units;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

/// <summary>
/// Expert accounts as the office makes them from the expert pages: like the staff accounts an
/// office administrator makes (AccountAdministration), inactive until the person sets a password
/// through the link sent to them, but with the Expert role only and the mobile as user name.
/// </summary>
internal sealed class ExpertAccounts(
    AppDbContext db,
    UserManager<AppUser> users,
    IAccountProvisioning provisioning,
    IMessageOutbox outbox,
    ISiteLinks links,
    IHandler<SecurityEvent, long> audit,
    TimeProvider clock) : IExpertAccounts
{
    public async Task<IReadOnlyList<ExpertAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await ExpertUsers().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(u => Card(u, now)).ToList();
    }

    public async Task<ExpertAccount?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await ExpertUsers().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : Card(user, clock.GetUtcNow());
    }

    public Task<bool> IsMobileTakenAsync(string mobile, string? exceptUserId, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => (u.UserName == mobile || u.PhoneNumber == mobile) && u.Id != exceptUserId, cancellationToken);

    public async Task<ExpertAccountCreated> CreateAsync(NewExpertAccount account, string actorName, CancellationToken cancellationToken = default)
    {
        var user = new AppUser
        {
            UserName = account.Mobile,
            DisplayName = account.Name,
            PhoneNumber = account.Mobile,
            Email = account.Email,
            IsActive = false,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, Roles.Expert));
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.AccountCreated, true, null, $"{Roles.DisplayName(Roles.Expert)}账号（{account.Name}），由 {actorName} 在评审专家管理中创建"), cancellationToken);
        var sentTo = await SetPasswordLinks.SendAsync(provisioning, outbox, links, user, actorName, "省政工职评办聘请您为职称评审专家，为您开通了评委账号", cancellationToken);
        return new ExpertAccountCreated(user.Id, sentTo);
    }

    public async Task UpdateContactAsync(string userId, NewExpertAccount contact, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new Application.Common.Exceptions.NotFoundException("该评委账号");

        // An expert signs in with their mobile unless the account was given another user name.
        if (user.UserName == user.PhoneNumber && user.UserName != contact.Mobile)
        {
            Check(await users.SetUserNameAsync(user, contact.Mobile));
        }

        user.DisplayName = contact.Name;
        user.PhoneNumber = contact.Mobile;
        user.Email = contact.Email;
        Check(await users.UpdateAsync(user));
    }

    private IQueryable<AppUser> ExpertUsers() =>
        from user in db.Users.AsNoTracking()
        where (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               where userRole.UserId == user.Id && role.Name == Roles.Expert
               select userRole).Any()
        select user;

    private static ExpertAccount Card(AppUser user, DateTimeOffset now) => new(
        user.Id,
        user.UserName!,
        user.DisplayName,
        user.PhoneNumber,
        user.Email,
        user.DisabledAt is not null ? "已停用"
        : !user.IsActive ? "待设置密码"
        : user.LockoutEnd is { } end && end > now ? "已锁定"
        : "正常");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

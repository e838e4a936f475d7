using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Application.Units;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Identity.Rules;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

/// <summary>Who does something to an account: their user id and name, for the rules and the audit log.</summary>
public sealed record AccountActor(string UserId, string Name);

public sealed record AccountListQuery(string? Search, string? Role, int Page = 1, int PageSize = AccountListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

public sealed record AccountListItem(
    string UserId,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string MaskedMobile,
    string MaskedEmail,
    string Status,
    bool IsDisabled,
    bool TwoFactorEnabled);

public sealed record AccountPage(IReadOnlyList<AccountListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record NewStaffAccount(string? DisplayName, string? UserName, string? Mobile, string? Email, IReadOnlyList<string>? Roles);

/// <summary>
/// What the office does to accounts: disable and re-enable, reset a password (by sending a
/// set-password link), reset two-factor sign-in; and what an office administrator does to
/// office staff and expert accounts: create them and change their roles. Every action is
/// written to the audit log with the actor and the reason.
/// </summary>
public sealed class AccountAdministration(
    AppDbContext db,
    UserManager<AppUser> users,
    IAccountProvisioning provisioning,
    IMessageOutbox outbox,
    ISiteLinks links,
    IHandler<SecurityEvent, long> audit,
    TimeProvider clock)
{
    public const string SetPasswordPurpose = SetPasswordLinks.Purpose;
    public const int MaxReasonLength = 200;

    public async Task<AccountPage> ListAsync(AccountListQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, AccountListQuery.MaxPageSize);
        var accounts = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            accounts = accounts.Where(u => u.DisplayName.Contains(search) || u.UserName!.Contains(search) || u.PhoneNumber!.Contains(search));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            var role = query.Role;
            accounts = accounts.Where(u => (from userRole in db.UserRoles
                                            join r in db.Roles on userRole.RoleId equals r.Id
                                            where userRole.UserId == u.Id && r.Name == role
                                            select userRole).Any());
        }

        var total = await accounts.CountAsync(cancellationToken);
        var rows = await accounts.OrderBy(u => u.UserName).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           join r in db.Roles on userRole.RoleId equals r.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var items = rows.Select(u => new AccountListItem(
                u.Id,
                MobileNumber.Validate(u.UserName) is { IsValid: true } ? MobileNumber.Mask(u.UserName) : u.UserName!,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(),
                string.IsNullOrEmpty(u.PhoneNumber) ? string.Empty : MobileNumber.Mask(u.PhoneNumber),
                string.IsNullOrEmpty(u.Email) ? string.Empty : EmailAddress.Mask(u.Email),
                StatusOf(u, now),
                u.DisabledAt is not null,
                u.TwoFactorEnabled))
            .ToList();
        return new AccountPage(items, total, page, size);
    }

    public async Task<AccountListItem> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId);
        var roles = await users.GetRolesAsync(user);
        return new AccountListItem(
            user.Id,
            MobileNumber.Validate(user.UserName) is { IsValid: true } ? MobileNumber.Mask(user.UserName) : user.UserName!,
            user.DisplayName,
            roles.OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(),
            string.IsNullOrEmpty(user.PhoneNumber) ? string.Empty : MobileNumber.Mask(user.PhoneNumber),
            string.IsNullOrEmpty(user.Email) ? string.Empty : EmailAddress.Mask(user.Email),
            StatusOf(user, clock.GetUtcNow()),
            user.DisabledAt is not null,
            user.TwoFactorEnabled);
    }

    public async Task DisableAsync(AccountActor actor, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = RequireReason(reason);
        var user = await FindAsync(userId);
        if (user.DisabledAt is not null)
        {
            throw new DomainException("该账号已停用。");
        }

        Check(new CannotDisableOwnAccountRule(actor.UserId, user.Id));
        Check(new LastOfficeAdminMustRemainRule(await users.IsInRoleAsync(user, Roles.OfficeAdmin), await CountOtherOfficeAdminsAsync(user.Id, cancellationToken)));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await provisioning.DisableAsync(user.Id, actor.Name, why, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task EnableAsync(AccountActor actor, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = RequireReason(reason);
        var user = await FindAsync(userId);
        if (user.DisabledAt is null)
        {
            throw new DomainException("该账号未停用。");
        }

        // An account that never set a password stays waiting for its link; the office resets it to send one.
        user.DisabledAt = null;
        user.IsActive = user.ActivatedAt is not null && await users.HasPasswordAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        CheckIdentity(await users.UpdateAsync(user));
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.AccountReEnabled, true, null, $"{actor.Name}：{why}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Clears the password and sends a one-time set-password link (an activation link) to the
    /// person's own e-mail and mobile. Returns where it went, masked.
    /// </summary>
    public async Task<IReadOnlyList<string>> ResetPasswordAsync(AccountActor actor, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = RequireReason(reason);
        var user = await FindAsync(userId);
        if (user.DisabledAt is not null)
        {
            throw new DomainException("该账号已停用，请先重新启用再重置密码。");
        }

        RequireReachable(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.HasPasswordAsync(user))
        {
            CheckIdentity(await users.RemovePasswordAsync(user));
        }

        user.IsActive = false;
        CheckIdentity(await users.UpdateSecurityStampAsync(user));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var destinations = await SendSetPasswordLinkAsync(user, actor, "您的账号密码已由省政工职评办重置", cancellationToken);
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordResetByOffice, true, null, $"{actor.Name}：{why}；设置密码链接已发送至{string.Join("、", destinations)}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return destinations;
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key and recovery codes.</summary>
    public async Task ResetTwoFactorAsync(AccountActor actor, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = RequireReason(reason);
        var user = await FindAsync(userId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        CheckIdentity(await users.SetTwoFactorEnabledAsync(user, false));
        CheckIdentity(await users.ResetAuthenticatorKeyAsync(user));
        await users.RemoveAuthenticationTokenAsync(user, TwoFactorRecoveryCodes.LoginProvider, TwoFactorRecoveryCodes.TokenName);
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.TwoFactorReset, true, null, $"{actor.Name}：{why}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Creates an office staff or expert account; the person sets a password through a link sent to them.</summary>
    public async Task<IReadOnlyList<string>> CreateStaffAsync(AccountActor actor, NewStaffAccount input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.DisplayName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors["DisplayName"] = ["请填写姓名。"];
        }
        else if (name.Length > AppUser.MaxDisplayNameLength)
        {
            errors["DisplayName"] = [$"姓名不能超过 {AppUser.MaxDisplayNameLength} 个字符。"];
        }

        var userName = input.UserName?.Trim() ?? string.Empty;
        if (userName.Length == 0)
        {
            errors["UserName"] = ["请填写用户名。"];
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors["UserName"] = [$"用户名“{userName}”已被使用。"];
        }

        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(input.Mobile))
        {
            var check = MobileNumber.Validate(input.Mobile);
            if (check.IsValid)
            {
                mobile = check.Normalized;
            }
            else
            {
                errors["Mobile"] = [check.Error];
            }
        }

        string? email = null;
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            var check = EmailAddress.Validate(input.Email);
            if (check.IsValid)
            {
                email = check.Normalized;
            }
            else
            {
                errors["Email"] = [check.Error];
            }
        }

        if (string.IsNullOrWhiteSpace(input.Mobile) && string.IsNullOrWhiteSpace(input.Email))
        {
            errors["Mobile"] = ["手机号和电子邮箱至少填写一项，用于发送设置密码链接。"];
        }

        var roles = CheckStaffRoles(input.Roles, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var user = new AppUser
        {
            UserName = userName,
            DisplayName = name,
            PhoneNumber = mobile,
            Email = email,
            IsActive = false,
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new ValidationException("UserName", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        CheckIdentity(await users.AddToRolesAsync(user, roles));
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.AccountCreated, true, null, $"{string.Join("、", roles.Select(Roles.DisplayName))}账号（{name}），由 {actor.Name} 创建"), cancellationToken);
        var destinations = await SendSetPasswordLinkAsync(user, actor, "省政工职评办为您开通了账号", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return destinations;
    }

    /// <summary>Sets an office staff or expert account's roles; the last office administrator keeps theirs.</summary>
    public async Task ChangeRolesAsync(AccountActor actor, string userId, IReadOnlyList<string>? roles, string? reason, CancellationToken cancellationToken = default)
    {
        var why = RequireReason(reason);
        var user = await FindAsync(userId);
        var current = await users.GetRolesAsync(user);
        if (current.Any(r => !Roles.StaffRoles.Contains(r)))
        {
            throw new DomainException("只能变更省政工职评办工作人员和评委账号的角色。");
        }

        var errors = new Dictionary<string, string[]>();
        var wanted = CheckStaffRoles(roles, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var removesAdmin = current.Contains(Roles.OfficeAdmin) && !wanted.Contains(Roles.OfficeAdmin);
        Check(new LastOfficeAdminMustRemainRule(removesAdmin, await CountOtherOfficeAdminsAsync(user.Id, cancellationToken)));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        CheckIdentity(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        CheckIdentity(await users.AddToRolesAsync(user, wanted.Except(current)));

        // Roles live in the sign-in cookie: a new stamp makes the person sign in again.
        CheckIdentity(await users.UpdateSecurityStampAsync(user));
        var before = current.Count == 0 ? "无" : string.Join("、", current.Select(Roles.DisplayName));
        var after = string.Join("、", wanted.Select(Roles.DisplayName));
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.RolesChanged, true, null, $"{actor.Name}：{why}；{before} → {after}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static List<string> CheckStaffRoles(IReadOnlyList<string>? roles, Dictionary<string, string[]> errors)
    {
        var chosen = (roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToList();
        if (chosen.Count == 0)
        {
            errors["Roles"] = ["请至少选择一个角色。"];
        }
        else if (chosen.Any(r => !Roles.StaffRoles.Contains(r)))
        {
            errors["Roles"] = ["只能选择省政工职评办、系统管理员、评委或纪检监察角色。"];
        }
        else if (chosen.Contains(Roles.Inspector) && chosen.Count > 1)
        {
            // The inspector supervises the office: an account that also acts for the office would inspect itself.
            errors["Roles"] = ["纪检监察角色只读监督，不能与其他角色同时授予。"];
        }
        else if (chosen.Contains(Roles.OfficeAdmin) && !chosen.Contains(Roles.Office))
        {
            errors["Roles"] = ["系统管理员须同时具有省政工职评办角色。"];
        }

        return chosen;
    }

    private async Task<IReadOnlyList<string>> SendSetPasswordLinkAsync(AppUser user, AccountActor actor, string opening, CancellationToken cancellationToken)
    {
        var destinations = await SetPasswordLinks.SendAsync(provisioning, outbox, links, user, actor.Name, opening, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return destinations;
    }

    private static void RequireReachable(AppUser user)
    {
        if (MobileNumber.Validate(user.PhoneNumber) is not { IsValid: true } && EmailAddress.Validate(user.Email) is not { IsValid: true })
        {
            throw new DomainException("该账号没有登记手机号或电子邮箱，无法发送设置密码链接。");
        }
    }

    private async Task<int> CountOtherOfficeAdminsAsync(string userId, CancellationToken cancellationToken) =>
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               join user in db.Users on userRole.UserId equals user.Id
               where role.Name == Roles.OfficeAdmin && user.Id != userId && user.DisabledAt == null
               select user.Id).CountAsync(cancellationToken);

    private async Task<AppUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new NotFoundException("该账号");

    private static string RequireReason(string? reason)
    {
        var why = reason?.Trim() ?? string.Empty;
        if (why.Length == 0)
        {
            throw new ValidationException("Reason", "请填写原因。");
        }

        return why.Length > MaxReasonLength ? throw new ValidationException("Reason", $"原因不能超过 {MaxReasonLength} 个字符。") : why;
    }

    private static string StatusOf(AppUser user, DateTimeOffset now) =>
        user.DisabledAt is not null ? "已停用"
        : !user.IsActive ? "待设置密码"
        : user.LockoutEnd is { } end && end > now ? "已锁定"
        : "正常";

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }

    private static void CheckIdentity(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>Where Identity's user store keeps an account's recovery codes (AspNetUserTokens).</summary>
internal static class TwoFactorRecoveryCodes
{
    public const string LoginProvider = "[AspNetUserStore]";
    public const string TokenName = "RecoveryCodes";
}

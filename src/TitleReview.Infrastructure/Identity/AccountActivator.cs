using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

public sealed record ActivationCheck(bool Usable, string? UserName, string? DisplayName, string? Problem);

/// <summary>Uses an activation link: the person sets a password and the account becomes active.</summary>
public sealed class AccountActivator(
    AppDbContext db,
    UserManager<AppUser> users,
    IHandler<SecurityEvent, long> audit,
    TimeProvider clock)
{
    public async Task<ActivationCheck> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (activation, user, problem) = await FindAsync(token, cancellationToken);
        return problem is not null ? new ActivationCheck(false, null, null, problem) : new ActivationCheck(true, user!.UserName, user.DisplayName, null);
    }

    public async Task ActivateAsync(string? token, string? password, string? confirm, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var (activation, user, problem) = await FindAsync(token, cancellationToken);
        if (problem is not null)
        {
            throw new Domain.Common.DomainException(problem);
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new ValidationException("password", "请设置密码。");
        }

        if (password != confirm)
        {
            throw new ValidationException("confirm", "两次输入的密码不一致。");
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user!, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["password"] = errors.Distinct().ToArray() });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        activation!.UsedAt = now;
        user!.IsActive = true;
        user.ActivatedAt = now;
        var set = await users.AddPasswordAsync(user, password);
        if (!set.Succeeded)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["password"] = set.Errors.Select(e => e.Description).ToArray() });
        }

        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.AccountActivated, true, remoteAddress), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<(AccountActivation? Activation, AppUser? User, string? Problem)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, null, "激活链接不完整，请从通知中复制完整链接。");
        }

        var hash = AccountProvisioning.Hash(token.Trim());
        var activation = await db.AccountActivations.FirstOrDefaultAsync(a => a.TokenHash == hash, cancellationToken);
        if (activation is null || activation.RevokedAt is not null)
        {
            return (null, null, "激活链接无效或已作废，请联系省政工职评办重新生成。");
        }

        if (activation.UsedAt is not null)
        {
            return (null, null, "该激活链接已使用过，请直接登录。");
        }

        if (activation.ExpiresAt <= clock.GetUtcNow())
        {
            return (null, null, $"激活链接已于 {Domain.Time.BeijingTime.Format(activation.ExpiresAt)} 过期，请联系省政工职评办重新生成。");
        }

        var user = await users.FindByIdAsync(activation.UserId);
        if (user is null || user.DisabledAt is not null)
        {
            return (null, null, "该账号已停用，不能激活。");
        }

        return (activation, user, null);
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

public sealed class PasswordResetOptions
{
    public const string SectionName = "PasswordReset";

    public int CodeLifetimeMinutes { get; set; } = 15;

    public int MaxRequestsPerHour { get; set; } = 3;
}

/// <summary>
/// Self-service password reset with a six-digit code sent to the account's own mobile and
/// e-mail. Whoever asks is told the same thing whether or not the account exists, can sign
/// in, or has asked too often; what really happened goes to the audit log.
/// </summary>
public sealed class PasswordReset(
    AppDbContext db,
    UserManager<AppUser> users,
    IMessageOutbox outbox,
    IHandler<SecurityEvent, long> audit,
    IOptions<PasswordResetOptions> options,
    TimeProvider clock)
{
    public const string Purpose = "重置密码";
    public const string WrongCodeMessage = "验证码错误或已失效，请核对后重试，或重新获取验证码。";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public async Task RequestAsync(string userName, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            await audit.HandleAsync(new SecurityEvent(userName.Trim(), null, AuditAction.PasswordResetRequested, false, remoteAddress, "账号不存在，未发送验证码"), cancellationToken);
            return;
        }

        if (!user.IsActive || user.DisabledAt is not null)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordResetRequested, false, remoteAddress, "账号未激活或已停用，未发送验证码"), cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var recent = await db.PasswordResetCodes.Where(c => c.UserId == user.Id && c.CreatedAt > now - Hour).ToListAsync(cancellationToken);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        PasswordResetCode issued;
        try
        {
            issued = PasswordResetCode.Issue(user.Id, AccountProvisioning.Hash(code), recent.Count, options.Value.MaxRequestsPerHour, now, TimeSpan.FromMinutes(options.Value.CodeLifetimeMinutes));
        }
        catch (BusinessRuleViolationException broken)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordResetRequested, false, remoteAddress, $"未发送验证码：{broken.Message}"), cancellationToken);
            return;
        }

        var open = await db.PasswordResetCodes.Where(c => c.UserId == user.Id && c.UsedAt == null && c.VoidedAt == null).ToListAsync(cancellationToken);
        foreach (var previous in open)
        {
            previous.Void(now);
        }

        db.PasswordResetCodes.Add(issued);
        var destinations = outbox.Enqueue(
            new MessageRecipient(user.DisplayName, user.Email, user.PhoneNumber),
            new OutgoingMessage(
                Purpose,
                "重置密码验证码",
                $"您正在重置政工职称评审系统账号 {user.UserName} 的密码，验证码 {code}，{options.Value.CodeLifetimeMinutes} 分钟内有效。如非本人操作，请忽略本消息。",
                ContainsSecret: true));
        await db.SaveChangesAsync(cancellationToken);
        var detail = destinations.Count == 0 ? "账号没有手机号和邮箱，验证码无法送达" : $"验证码已发送至{string.Join("、", destinations)}";
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordResetRequested, destinations.Count > 0, remoteAddress, detail), cancellationToken);
    }

    public async Task ResetAsync(string userName, string code, string newPassword, string confirm, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        if (newPassword != confirm)
        {
            throw new ValidationException("ConfirmPassword", "两次输入的密码不一致。");
        }

        var user = await users.FindByNameAsync(userName.Trim());
        var now = clock.GetUtcNow();
        var latest = user is null || !user.IsActive || user.DisabledAt is not null
            ? null
            : await db.PasswordResetCodes.Where(c => c.UserId == user.Id).OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (user is null || latest is null)
        {
            await audit.HandleAsync(new SecurityEvent(userName.Trim(), user?.Id, AuditAction.PasswordResetCodeRejected, false, remoteAddress, "没有可用的验证码"), cancellationToken);
            throw new ValidationException("Code", WrongCodeMessage);
        }

        bool matched;
        try
        {
            matched = latest.Redeem(AccountProvisioning.Hash(code.Trim()), now);
        }
        catch (BusinessRuleViolationException broken)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordResetCodeRejected, false, remoteAddress, broken.Message), cancellationToken);
            throw new ValidationException("Code", WrongCodeMessage);
        }

        if (!matched)
        {
            await db.SaveChangesAsync(cancellationToken);
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordResetCodeRejected, false, remoteAddress, $"验证码错误（第 {latest.WrongAttempts} 次）"), cancellationToken);
            throw new ValidationException("Code", WrongCodeMessage);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["NewPassword"] = result.Errors.Select(e => e.Description).Distinct().ToArray() });
        }

        // ResetPasswordAsync has renewed the security stamp, which signs out every other session.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.SaveChangesAsync(cancellationToken);
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordReset, true, remoteAddress, "凭短信/邮件验证码重置密码"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

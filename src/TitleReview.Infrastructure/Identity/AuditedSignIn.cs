using Microsoft.AspNetCore.Identity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Domain.Security;

namespace TitleReview.Infrastructure.Identity;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    NotAllowed,
}

public sealed record SignInAttempt(SignInOutcome Outcome, DateTimeOffset? LockedOutUntil = null);

/// <summary>
/// Password sign-in with lockout, every attempt written to the append-only audit log:
/// success, failure (with the reason, which the user is never told), and lockout.
/// </summary>
public sealed class AuditedSignIn(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IHandler<SecurityEvent, long> audit)
{
    public async Task<SignInAttempt> PasswordSignInAsync(string userName, string password, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await audit.HandleAsync(new SecurityEvent(userName, null, AuditAction.LoginFailed, false, remoteAddress, "账号不存在"), cancellationToken);
            return new SignInAttempt(SignInOutcome.Failed);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.LoginSucceeded, true, remoteAddress), cancellationToken);
            return new SignInAttempt(SignInOutcome.Succeeded);
        }

        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            var action = wasLockedOut ? AuditAction.LoginRejectedWhileLockedOut : AuditAction.LockedOut;
            var detail = wasLockedOut ? "账号处于锁定期" : "连续密码错误达到上限，账号被锁定";
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, action, false, remoteAddress, detail), cancellationToken);
            return new SignInAttempt(SignInOutcome.LockedOut, until);
        }

        if (result.IsNotAllowed)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.LoginFailed, false, remoteAddress, "账号未激活或已停用"), cancellationToken);
            return new SignInAttempt(SignInOutcome.NotAllowed);
        }

        var failures = await users.GetAccessFailedCountAsync(user);
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.LoginFailed, false, remoteAddress, $"密码错误（连续第 {failures} 次）"), cancellationToken);
        return new SignInAttempt(SignInOutcome.Failed);
    }

    public async Task SignOutAsync(string? userName, string? userId, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await signIn.SignOutAsync();
        if (userName is not null)
        {
            await audit.HandleAsync(new SecurityEvent(userName, userId, AuditAction.LoggedOut, true, remoteAddress), cancellationToken);
        }
    }
}

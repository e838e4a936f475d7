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

    /// <summary>The password was right; the second factor is still to come (only the two-factor cookie is set).</summary>
    RequiresTwoFactor,
}

public sealed record SignInAttempt(SignInOutcome Outcome, DateTimeOffset? LockedOutUntil = null);

/// <summary>
/// Password sign-in with lockout, every attempt written to the append-only audit log:
/// success, failure (with the reason, which the user is never told), and lockout; then the
/// second step for accounts with two-factor sign-in, by authenticator code or recovery code.
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

        if (result.RequiresTwoFactor)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.LoginSucceeded, true, remoteAddress, "密码正确，待两步验证"), cancellationToken);
            return new SignInAttempt(SignInOutcome.RequiresTwoFactor);
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

    /// <summary>The second step with a code from the authenticator app.</summary>
    public Task<SignInAttempt> AuthenticatorSignInAsync(string code, string? remoteAddress, CancellationToken cancellationToken = default) =>
        SecondFactorAsync(
            () => signIn.TwoFactorAuthenticatorSignInAsync(Normalize(code), isPersistent: false, rememberClient: false),
            AuditAction.TwoFactorSucceeded,
            "验证器验证码",
            remoteAddress,
            cancellationToken);

    /// <summary>The second step with one of the account's recovery codes; each works once.</summary>
    public Task<SignInAttempt> RecoveryCodeSignInAsync(string code, string? remoteAddress, CancellationToken cancellationToken = default) =>
        SecondFactorAsync(
            () => signIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim()),
            AuditAction.RecoveryCodeUsed,
            "恢复码",
            remoteAddress,
            cancellationToken);

    /// <summary>Whether someone has passed the password step and is due for the second one.</summary>
    public async Task<bool> HasPendingTwoFactorAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    private async Task<SignInAttempt> SecondFactorAsync(
        Func<Task<SignInResult>> attempt,
        AuditAction successAction,
        string what,
        string? remoteAddress,
        CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return new SignInAttempt(SignInOutcome.NotAllowed);
        }

        var result = await attempt();
        if (result.Succeeded)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, successAction, true, remoteAddress, $"凭{what}完成两步验证"), cancellationToken);
            return new SignInAttempt(SignInOutcome.Succeeded);
        }

        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.LockedOut, false, remoteAddress, $"{what}错误次数达到上限，账号被锁定"), cancellationToken);
            return new SignInAttempt(SignInOutcome.LockedOut, until);
        }

        if (result.IsNotAllowed)
        {
            await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.TwoFactorFailed, false, remoteAddress, "账号未激活或已停用"), cancellationToken);
            return new SignInAttempt(SignInOutcome.NotAllowed);
        }

        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.TwoFactorFailed, false, remoteAddress, $"{what}错误"), cancellationToken);
        return new SignInAttempt(SignInOutcome.Failed);
    }

    private static string Normalize(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    public async Task SignOutAsync(string? userName, string? userId, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await signIn.SignOutAsync();
        if (userName is not null)
        {
            await audit.HandleAsync(new SecurityEvent(userName, userId, AuditAction.LoggedOut, true, remoteAddress), cancellationToken);
        }
    }
}

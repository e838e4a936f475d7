using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;

namespace TitleReview.Infrastructure.Identity;

public sealed class AccountSecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Office accounts reach office pages and the API only after enrolling in two-factor sign-in.</summary>
    public bool RequireOfficeTwoFactor { get; set; } = true;
}

public sealed record TwoFactorState(bool Enabled, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri, bool Required);

/// <summary>
/// A signed-in person's own security settings: two-factor sign-in with an authenticator app
/// (Identity's authenticator key and recovery codes in AspNetUserTokens) and their password.
/// Every change is written to the audit log.
/// </summary>
public sealed class TwoFactorSettings(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IHandler<SecurityEvent, long> audit,
    IOptions<AccountSecurityOptions> options)
{
    public const string Issuer = "政工职称评审";
    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorState> GetStateAsync(AppUser user)
    {
        var required = await IsRequiredAsync(user);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorState(true, await users.CountRecoveryCodesAsync(user), null, null, required);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorState(false, 0, key, uri, required);
    }

    /// <summary>Whether this account must use two-factor sign-in (office accounts, when so configured).</summary>
    public async Task<bool> IsRequiredAsync(AppUser user) =>
        options.Value.RequireOfficeTwoFactor && (await users.GetRolesAsync(user)).Any(Roles.RequiresTwoFactor);

    /// <summary>Confirms the app is set up with a code from it, turns two-factor on and returns fresh recovery codes.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(AppUser user, string? code, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var digits = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            throw new ValidationException("Code", "请输入验证器应用显示的 6 位验证码。");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            throw new ValidationException("Code", "验证码不正确，请确认手机时间准确，并输入验证器应用当前显示的 6 位数字。");
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.TwoFactorEnabled, true, remoteAddress), cancellationToken);
        await signIn.RefreshSignInAsync(user);
        return codes;
    }

    public async Task DisableAsync(AppUser user, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        if (await IsRequiredAsync(user))
        {
            throw new DomainException("省政工职评办账号必须启用两步验证，不能关闭。更换手机时请先“重新生成恢复码”，或请系统管理员重置两步验证。");
        }

        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.RemoveAuthenticationTokenAsync(user, TwoFactorRecoveryCodes.LoginProvider, TwoFactorRecoveryCodes.TokenName);
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.TwoFactorDisabled, true, remoteAddress), cancellationToken);
        await signIn.RefreshSignInAsync(user);
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(AppUser user, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        if (!user.TwoFactorEnabled)
        {
            throw new DomainException("尚未启用两步验证，无需恢复码。");
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.RecoveryCodesGenerated, true, remoteAddress, "原有恢复码全部作废"), cancellationToken);
        return codes;
    }

    public async Task ChangePasswordAsync(AppUser user, string? current, string? password, string? confirm, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(current))
        {
            errors["CurrentPassword"] = ["请输入当前密码。"];
        }

        if (string.IsNullOrEmpty(password))
        {
            errors["NewPassword"] = ["请设置新密码。"];
        }
        else if (password != confirm)
        {
            errors["ConfirmPassword"] = ["两次输入的密码不一致。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var result = await users.ChangePasswordAsync(user, current!, password!);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            throw new ValidationException(mismatch
                ? new Dictionary<string, string[]> { ["CurrentPassword"] = ["当前密码不正确。"] }
                : new Dictionary<string, string[]> { ["NewPassword"] = result.Errors.Select(e => e.Description).Distinct().ToArray() });
        }

        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.PasswordChanged, true, remoteAddress), cancellationToken);
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>The key as people type it: groups of four, lower case.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

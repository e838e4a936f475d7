using TitleReview.Domain.Common;

namespace TitleReview.Domain.Identity.Rules;

/// <summary>Rule: an account is sent at most a few reset codes an hour.</summary>
public sealed class PasswordResetRequestsPerHourRule(int requestsInLastHour, int maxRequestsPerHour) : IBusinessRule
{
    public bool IsBroken() => requestsInLastHour >= maxRequestsPerHour;

    public string Message => $"一小时内最多获取 {maxRequestsPerHour} 次验证码，请稍后再试。";
}

/// <summary>Rule: a reset code is used once.</summary>
public sealed class PasswordResetCodeIsSingleUseRule(DateTimeOffset? usedAt) : IBusinessRule
{
    public bool IsBroken() => usedAt is not null;

    public string Message => "该验证码已使用过，请重新获取。";
}

/// <summary>Rule: a code replaced by a newer one, or tried wrongly too often, is void.</summary>
public sealed class PasswordResetCodeMustNotBeVoidRule(DateTimeOffset? voidedAt) : IBusinessRule
{
    public bool IsBroken() => voidedAt is not null;

    public string Message => "该验证码已作废，请重新获取。";
}

/// <summary>Rule: a reset code expires (15 minutes unless configured otherwise).</summary>
public sealed class PasswordResetCodeMustNotBeExpiredRule(DateTimeOffset expiresAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now >= expiresAt;

    public string Message => "该验证码已过期，请重新获取。";
}

/// <summary>Rule: a reset code may be tried wrongly at most five times.</summary>
public sealed class PasswordResetCodeWrongAttemptsRule(int wrongAttempts, int maxWrongAttempts) : IBusinessRule
{
    public bool IsBroken() => wrongAttempts >= maxWrongAttempts;

    public string Message => $"验证码已连续输错 {maxWrongAttempts} 次，已作废，请重新获取。";
}

/// <summary>Rule: the last office administrator keeps the role, so someone can still manage staff.</summary>
public sealed class LastOfficeAdminMustRemainRule(bool removesOfficeAdmin, int otherActiveOfficeAdmins) : IBusinessRule
{
    public bool IsBroken() => removesOfficeAdmin && otherActiveOfficeAdmins == 0;

    public string Message => "不能移除最后一位系统管理员的角色或停用其账号。";
}

/// <summary>Rule: an office member cannot disable their own account.</summary>
public sealed class CannotDisableOwnAccountRule(string actorUserId, string targetUserId) : IBusinessRule
{
    public bool IsBroken() => string.Equals(actorUserId, targetUserId, StringComparison.Ordinal);

    public string Message => "不能停用自己的账号。";
}

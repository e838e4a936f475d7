using TitleReview.Domain.Common;
using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.GetAuditLog;

public sealed class AuditEntryDto
{
    public long Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public string Actor { get; init; } = string.Empty;

    public AuditAction Action { get; init; }

    public bool Succeeded { get; init; }

    public string? RemoteAddress { get; init; }

    public string? Detail { get; init; }

    /// <summary>This entry with a user name that is a mobile number masked (<see cref="MobileNumber.MaskIfMobile"/>).</summary>
    public AuditEntryDto WithActorMasked() => new()
    {
        Id = Id,
        OccurredAt = OccurredAt,
        Actor = MobileNumber.MaskIfMobile(Actor),
        Action = Action,
        Succeeded = Succeeded,
        RemoteAddress = RemoteAddress,
        Detail = Detail,
    };

    public static string DescribeAction(AuditAction action) => action switch
    {
        AuditAction.LoginSucceeded => "登录成功",
        AuditAction.LoginFailed => "登录失败",
        AuditAction.LockedOut => "账号被锁定",
        AuditAction.LoginRejectedWhileLockedOut => "锁定期间尝试登录",
        AuditAction.LoggedOut => "退出登录",
        AuditAction.AccountCreated => "创建账号",
        AuditAction.AccountActivated => "激活账号",
        AuditAction.AccountDisabled => "停用账号",
        AuditAction.ActivationLinkIssued => "生成激活链接",
        AuditAction.PasswordResetRequested => "申请重置密码",
        AuditAction.PasswordResetCodeRejected => "重置密码验证码错误",
        AuditAction.PasswordReset => "自助重置密码",
        AuditAction.AccountReEnabled => "重新启用账号",
        AuditAction.PasswordResetByOffice => "省政工职评办重置密码",
        AuditAction.TwoFactorReset => "重置两步验证",
        AuditAction.TwoFactorEnabled => "启用两步验证",
        AuditAction.TwoFactorDisabled => "关闭两步验证",
        AuditAction.RecoveryCodesGenerated => "生成恢复码",
        AuditAction.TwoFactorSucceeded => "两步验证通过",
        AuditAction.TwoFactorFailed => "两步验证失败",
        AuditAction.RecoveryCodeUsed => "使用恢复码登录",
        AuditAction.PasswordChanged => "修改密码",
        AuditAction.RolesChanged => "变更角色",
        AuditAction.InspectorViewed => "纪检监察查阅",
        AuditAction.InspectorWriteRefused => "纪检监察写操作被拒绝",
        _ => action.ToString(),
    };
}

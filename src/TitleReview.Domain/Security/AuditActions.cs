namespace TitleReview.Domain.Security;

/// <summary>The Chinese names of the audit trail's kinds of row.</summary>
public static class AuditActions
{
    public static string DisplayName(AuditAction action) => action switch
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
        AuditAction.UseCase => "业务操作",
        AuditAction.RecordOpened => "查阅他人材料",
        AuditAction.WorkflowTimer => "流程定时推进",
        _ => action.ToString(),
    };
}

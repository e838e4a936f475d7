using AutoMapper;
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
        _ => action.ToString(),
    };

    internal sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<AuditEntry, AuditEntryDto>();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.ReviewRegistration;

/// <summary>The office approves a registration: the unit is recorded and its auditor's account created.</summary>
public sealed record ApproveRegistration(Guid RegistrationId, WorkflowActor Actor, Guid? ExpectedToken = null);

/// <summary>The office rejects a registration, with the reason the unit will read.</summary>
public sealed record RejectRegistration(Guid RegistrationId, string? Reason, WorkflowActor Actor, Guid? ExpectedToken = null);

/// <summary>A fresh activation link for an auditor who has not activated yet, sent to the auditor again.</summary>
public sealed record ReissueActivation(Guid RegistrationId, WorkflowActor Actor);

/// <summary>A new access token for a unit that lost its own, sent to the filler; the old one stops working.</summary>
public sealed record ReissueAccessToken(Guid RegistrationId, WorkflowActor Actor);

/// <summary>
/// An auditor's account after approval, replacement or a reissued link. The activation link is
/// not here: it went only to the auditor's own e-mail and mobile (<paramref name="SentTo"/>, masked).
/// </summary>
public sealed record AuditorAccountIssued(string UserId, string UserName, DateTimeOffset? ActivationExpiresAt, IReadOnlyList<string> SentTo)
{
    internal static AuditorAccountIssued From(ProvisionedAccount account, IReadOnlyList<string> sentTo) =>
        new(account.UserId, account.UserName, account.ActivationPath.Length == 0 ? null : account.ExpiresAt, sentTo);
}

internal sealed class ApproveRegistrationHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    IAccountProvisioning accounts,
    INotificationSender notifications,
    IMessageOutbox outbox,
    ISiteLinks links,
    IOptions<OfficeContact> contact) : IHandler<ApproveRegistration, AuditorAccountIssued>
{
    public async Task<AuditorAccountIssued> HandleAsync(ApproveRegistration request, CancellationToken cancellationToken = default)
    {
        var (registration, instance) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        if (request.ExpectedToken is { } expected && expected != instance.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException();
        }

        if (!definitions.Has(instance, StateCapabilities.AwaitingOfficeApproval))
        {
            throw new DomainException("该报送已审核过，不能重复审核。");
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var details = registration.Details;
        var unit = await db.Units.FirstOrDefaultAsync(u => u.CreditCode == details.CreditCode, cancellationToken);
        if (unit is null)
        {
            unit = Unit.Create(Guid.NewGuid(), details.UnitName, details.CreditCode, details.Nature, details.Region);
            db.Units.Add(unit);
        }
        else
        {
            unit.UpdateFrom(details);
        }

        await db.SaveChangesAsync(cancellationToken);
        var account = await accounts.CreateAuditorAsync(details.AuditorName, details.AuditorMobile, unit.Id, request.Actor.Name, cancellationToken);
        registration.Approve(unit.Id, account.UserId);
        var tracked = await db.WorkflowInstances.FirstAsync(i => i.Id == instance.Id, cancellationToken);
        tracked.AssignUnit(unit.Id, tracked.UpdatedAt);
        var sentTo = UnitMessages.SendActivation(outbox, links, details.UnitName, details.AuditorName, details.AuditorEmail, details.AuditorMobile, account);
        await notifications.SendAsync(
            new Notification(
                registration.Id,
                "审核通过，请激活审核人账号",
                $"“{details.UnitName}”的审核人信息已审核通过，审核人账号为 {account.UserName}。激活链接已发送至审核人{UnitMessages.Destinations(sentTo)}，请审核人本人按短信或邮件设置密码激活账号，并在“核准审核人信息”时间内登录系统核准本单位信息。{contact.Value.CallUs}"),
            cancellationToken);
        // The token was checked above; the instance changed since (its unit), so EF's check guards the save.
        await engine.PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.ApproveRegistration, request.Actor), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuditorAccountIssued.From(account, sentTo);
    }
}

internal sealed class RejectRegistrationHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    INotificationSender notifications,
    IOptions<OfficeContact> contact) : IHandler<RejectRegistration, FireResult>
{
    public async Task<FireResult> HandleAsync(RejectRegistration request, CancellationToken cancellationToken = default)
    {
        var (registration, instance) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Reason))
        {
            await notifications.SendAsync(
                new Notification(
                    registration.Id,
                    "审核未通过",
                    $"“{registration.UnitName}”报送的审核人信息未通过审核，原因：{request.Reason.Trim()}。请在报送时间内修改后重新报送。{contact.Value.CallUs}",
                    Link: "/Units/Register"),
                cancellationToken);
        }

        return await engine.PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.RejectRegistration, request.Actor, request.Reason, ExpectedToken: request.ExpectedToken), cancellationToken);
    }
}

internal sealed class ReissueActivationHandler(
    IApplicationDbContext db,
    IAccountProvisioning accounts,
    INotificationSender notifications,
    IMessageOutbox outbox,
    ISiteLinks links) : IHandler<ReissueActivation, AuditorAccountIssued>
{
    public async Task<AuditorAccountIssued> HandleAsync(ReissueActivation request, CancellationToken cancellationToken = default)
    {
        var (registration, _) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        var userId = registration.AuditorUserId ?? throw new DomainException("该报送尚未审核通过，还没有审核人账号。");
        var account = await accounts.ReissueActivationAsync(userId, request.Actor.Name, cancellationToken);
        var sentTo = UnitMessages.SendActivation(outbox, links, registration.UnitName, registration.AuditorName, registration.AuditorEmail, registration.AuditorMobile, account);
        await notifications.SendAsync(
            new Notification(registration.Id, "已重新发送激活链接", $"审核人账号 {account.UserName} 的新激活链接已发送至审核人{UnitMessages.Destinations(sentTo)}，有效期至 {BeijingTime.Format(account.ExpiresAt)}，此前的链接作废。"),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return AuditorAccountIssued.From(account, sentTo);
    }
}

internal sealed class ReissueAccessTokenHandler(
    IApplicationDbContext db,
    IMessageOutbox outbox,
    ISiteLinks links,
    INotificationSender notifications) : IHandler<ReissueAccessToken, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> HandleAsync(ReissueAccessToken request, CancellationToken cancellationToken = default)
    {
        var (registration, _) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        var accessToken = RegistrationAccessToken.New();
        registration.ReplaceAccessToken(RegistrationAccessToken.Hash(accessToken)!);
        var sentTo = UnitMessages.SendAccessToken(outbox, links, registration, accessToken, "重发查询码");
        if (sentTo.Count == 0)
        {
            throw new DomainException("填报人未留手机号或电子邮箱，无法发送查询码；请通过单位公函核实后更换审核人或联系单位重新报送。");
        }

        await notifications.SendAsync(
            new Notification(registration.Id, "查询码已重新发送", $"{request.Actor.Name} 已重新生成查询码并发送至填报人{string.Join("、", sentTo)}，此前的查询码作废。"),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return sentTo;
    }
}

internal static class RegistrationLookup
{
    public static async Task<(UnitRegistration Registration, WorkflowInstance Instance)> LoadAsync(IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var registration = await db.UnitRegistrations.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("该单位报送");
        var instance = await db.WorkflowInstances.AsNoTracking()
            .SingleAsync(i => i.SubjectType == UnitRegistrationWorkflow.SubjectType && i.SubjectId == id, cancellationToken);
        return (registration, instance);
    }
}

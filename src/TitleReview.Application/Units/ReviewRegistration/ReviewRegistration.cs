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

/// <summary>A fresh activation link for an auditor who has not activated yet.</summary>
public sealed record ReissueActivation(Guid RegistrationId, WorkflowActor Actor);

internal sealed class ApproveRegistrationHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IAccountProvisioning accounts,
    INotificationSender notifications,
    IOptions<OfficeContact> contact) : IHandler<ApproveRegistration, ProvisionedAccount>
{
    public async Task<ProvisionedAccount> HandleAsync(ApproveRegistration request, CancellationToken cancellationToken = default)
    {
        var (registration, instance) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        if (request.ExpectedToken is { } expected && expected != instance.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException();
        }

        if (instance.State != "Registered")
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
        await notifications.SendAsync(
            new Notification(
                registration.Id,
                "审核通过，请激活审核人账号",
                $"“{details.UnitName}”的审核人信息已审核通过。审核人账号为 {account.UserName}，请于 {BeijingTime.Format(account.ExpiresAt)} 前通过下方链接设置密码激活账号，并在“核准审核人信息”时间内登录系统核准本单位信息。{contact.Value.CallUs}",
                account.ActivationPath,
                details.AuditorMobile),
            cancellationToken);
        // The token was checked above; the instance changed since (its unit), so EF's check guards the save.
        await engine.FireAsync(new FireRequest(instance.Id, "approve", request.Actor), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
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

        return await engine.FireAsync(new FireRequest(instance.Id, "reject", request.Actor, request.Reason, ExpectedToken: request.ExpectedToken), cancellationToken);
    }
}

internal sealed class ReissueActivationHandler(
    IApplicationDbContext db,
    IAccountProvisioning accounts,
    INotificationSender notifications) : IHandler<ReissueActivation, ProvisionedAccount>
{
    public async Task<ProvisionedAccount> HandleAsync(ReissueActivation request, CancellationToken cancellationToken = default)
    {
        var (registration, _) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        var userId = registration.AuditorUserId ?? throw new DomainException("该报送尚未审核通过，还没有审核人账号。");
        var account = await accounts.ReissueActivationAsync(userId, request.Actor.Name, cancellationToken);
        await notifications.SendAsync(
            new Notification(registration.Id, "新的激活链接", $"已重新生成审核人账号 {account.UserName} 的激活链接，有效期至 {BeijingTime.Format(account.ExpiresAt)}，此前的链接作废。", account.ActivationPath, registration.AuditorMobile),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return account;
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

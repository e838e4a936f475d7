using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using RegisterUnitCommand = TitleReview.Application.Units.RegisterUnit.RegisterUnit;
using RegisterUnitHandler = TitleReview.Application.Units.RegisterUnit.RegisterUnitHandler;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.ReplaceAuditor;

/// <summary>
/// The office replaces a unit's auditor during the campaign: the old account is disabled, a
/// new one created; both go into the audit log and the registration's journal.
/// </summary>
public sealed record ReplaceAuditor(
    Guid RegistrationId,
    string? AuditorName,
    string? AuditorMobile,
    string? AuditorLandline,
    string? AuditorQq,
    string? AuditorEmail,
    string? Reason,
    WorkflowActor Actor);

internal sealed class ReplaceAuditorHandler(
    IApplicationDbContext db,
    IAccountProvisioning accounts,
    INotificationSender notifications,
    IMessageOutbox outbox,
    ISiteLinks links,
    TimeProvider clock) : IHandler<ReplaceAuditor, AuditorAccountIssued>
{
    public async Task<AuditorAccountIssued> HandleAsync(ReplaceAuditor request, CancellationToken cancellationToken = default)
    {
        var (registration, instance) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        var current = registration.Details;

        // The same field rules as a registration, applied to the new auditor's details.
        var checkedDetails = RegisterUnitHandler.Validate(new RegisterUnitCommand(
            registration.CampaignId, current.UnitName, current.CreditCode, current.Nature, current.Region, current.SupervisingDepartment,
            request.AuditorName, request.AuditorMobile, request.AuditorLandline, request.AuditorQq, request.AuditorEmail,
            AuditorIsHr: true, current.FillerName, current.FillerPhone, current.FillerEmail));
        new Validation().Require(!string.IsNullOrWhiteSpace(request.Reason), "reason", "请填写更换审核人的原因。").ThrowIfInvalid();

        if (registration.UnitId is not { } unitId || registration.AuditorUserId is not { } oldUserId)
        {
            throw new DomainException("该单位的报送尚未审核通过，没有可更换的审核人账号；请直接审核或退回其报送。");
        }

        if (await accounts.IsApplicantInCampaignAsync(registration.CampaignId, checkedDetails.AuditorMobile, cancellationToken))
        {
            throw new Common.Exceptions.ValidationException("auditorMobile", $"审核人不得由申报人担任：手机号 {MobileNumber.Mask(checkedDetails.AuditorMobile)} 已用于本年度申报。");
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await accounts.DisableAsync(oldUserId, request.Actor.Name, $"更换审核人：{request.Reason!.Trim()}", cancellationToken);
        var account = await accounts.CreateAuditorAsync(checkedDetails.AuditorName, checkedDetails.AuditorMobile, unitId, request.Actor.Name, cancellationToken);
        registration.ReplaceAuditor(checkedDetails.AuditorName, checkedDetails.AuditorMobile, checkedDetails.AuditorLandline, checkedDetails.AuditorQq, checkedDetails.AuditorEmail, account.UserId);

        var now = clock.GetUtcNow();
        var tracked = await db.WorkflowInstances.FirstAsync(i => i.Id == instance.Id, cancellationToken);
        tracked.Touch(now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id,
            instance.State,
            UnitRegistrationWorkflow.ReplaceAuditorNote,
            instance.State,
            request.Actor,
            $"审核人由 {current.AuditorName}（{MobileNumber.Mask(current.AuditorMobile)}）更换为 {checkedDetails.AuditorName}（{MobileNumber.Mask(checkedDetails.AuditorMobile)}）：{request.Reason.Trim()}",
            now));
        var sentTo = UnitMessages.SendActivation(outbox, links, registration.UnitName, checkedDetails.AuditorName, checkedDetails.AuditorEmail, checkedDetails.AuditorMobile, account);
        await notifications.SendAsync(
            new Notification(registration.Id, "审核人已更换", $"本单位审核人已更换为 {checkedDetails.AuditorName}，原账号已停用。新账号 {account.UserName} 的激活链接已发送至新审核人{UnitMessages.Destinations(sentTo)}，有效期至 {BeijingTime.Format(account.ExpiresAt)}。"),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuditorAccountIssued.From(account, sentTo);
    }
}

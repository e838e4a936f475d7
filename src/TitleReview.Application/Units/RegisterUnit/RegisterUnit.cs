using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Units.RegisterUnit;

/// <summary>A unit reports its auditor (the notice's 基本情况表), inside the registration window.</summary>
public sealed record RegisterUnit(
    Guid CampaignId,
    string? UnitName,
    string? CreditCode,
    UnitNature? Nature,
    string? Region,
    string? SupervisingDepartment,
    string? AuditorName,
    string? AuditorMobile,
    string? AuditorLandline,
    string? AuditorQq,
    string? AuditorEmail,
    bool AuditorIsHr,
    string? FillerName,
    string? FillerPhone,
    string? FillerEmail = null)
{
    /// <summary>The longest unit name and supervising department accepted.</summary>
    public const int MaxNameLength = Unit.MaxNameLength;

    /// <summary>The longest auditor or filler name accepted.</summary>
    public const int MaxShortText = 64;

    /// <summary>Room for a mobile number typed with spaces, dashes or a country code before it is normalised.</summary>
    public const int MaxMobileInput = 20;

    /// <summary>The longest landline or filler phone stored.</summary>
    public const int MaxPhoneLength = 32;

    /// <summary>QQ numbers have 5 to 12 digits.</summary>
    public const int MaxQqLength = 12;
}

/// <summary>
/// What the unit is told once, on registering: its number and the access token that alone opens
/// its status page (also sent to the filler's e-mail and mobile, listed in <paramref name="SentTo"/>).
/// </summary>
public sealed record RegistrationReceipt(Guid RegistrationId, string Number, string AccessToken, IReadOnlyList<string> SentTo);

internal sealed partial class RegisterUnitHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    IAccountProvisioning accounts,
    INotificationSender notifications,
    IMessageOutbox outbox,
    ISiteLinks links,
    IOptions<OfficeContact> contact,
    TimeProvider clock) : IHandler<RegisterUnit, RegistrationReceipt>
{
    public async Task<RegistrationReceipt> HandleAsync(RegisterUnit request, CancellationToken cancellationToken = default)
    {
        var details = Validate(request);

        var campaign = await db.Campaigns.Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
            ?? throw new NotFoundException("该年度评审工作");
        var now = clock.GetUtcNow();
        var window = WindowOpenGuard.Evaluate(campaign.Stage(StageKeys.AuditorRegistration), now);
        if (!window.Passed)
        {
            throw new DomainException($"{window.Reason}{contact.Value.CallUs}");
        }

        var rejected = definitions.StatesWith(UnitRegistrationWorkflow.DefinitionId, StateCapabilities.RegistrationRejected);
        var existing = await (
                from registration in db.UnitRegistrations
                join instance in db.WorkflowInstances on registration.Id equals instance.SubjectId
                where registration.CampaignId == campaign.Id
                      && registration.CreditCode == details.CreditCode
                      && !rejected.Contains(instance.State)
                select registration.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new ValidationException("creditCode", $"该统一社会信用代码已在 {campaign.Year} 年度报送（报送编号 {existing}），每个单位每年度只能报送一次；被退回后方可重新报送。");
        }

        if (await accounts.IsApplicantInCampaignAsync(campaign.Id, details.AuditorMobile, cancellationToken))
        {
            throw new ValidationException("auditorMobile", $"审核人不得由申报人担任：手机号 {MobileNumber.Mask(details.AuditorMobile)} 已用于 {campaign.Year} 年度申报。");
        }

        var count = await db.UnitRegistrations.CountAsync(r => r.CampaignId == campaign.Id, cancellationToken);
        var number = string.Create(CultureInfo.InvariantCulture, $"DW{campaign.Year}-{count + 1:0000}");
        var accessToken = RegistrationAccessToken.New();
        var registrationToSave = UnitRegistration.Submit(Guid.NewGuid(), campaign.Id, number, details, RegistrationAccessToken.Hash(accessToken)!, now);
        db.UnitRegistrations.Add(registrationToSave);
        await engine.StartAsync(
            UnitRegistrationWorkflow.DefinitionId,
            new WorkflowSubject(UnitRegistrationWorkflow.SubjectType, registrationToSave.Id, details.UnitName, CampaignId: campaign.Id),
            new WorkflowActor($"unit:{details.CreditCode}", details.FillerName, []),
            cancellationToken);
        await notifications.SendAsync(
            new Notification(
                registrationToSave.Id,
                "已收到报送",
                $"已收到“{details.UnitName}”报送的审核人信息（报送编号 {number}），请等待{contact.Value.Name}审核。请打印《申报单位及单位审核人基本情况表》，加盖公章后报送。"),
            cancellationToken);
        var sentTo = UnitMessages.SendAccessToken(outbox, links, registrationToSave, accessToken, "报送回执");
        await db.SaveChangesAsync(cancellationToken);
        return new RegistrationReceipt(registrationToSave.Id, number, accessToken, sentTo);
    }

    internal static UnitRegistrationDetails Validate(RegisterUnit r)
    {
        var v = new Validation();
        Text(v, "unitName", r.UnitName, "申报单位规范名称", RegisterUnit.MaxNameLength);
        var code = UnifiedSocialCreditCode.Validate(r.CreditCode);
        if (!code.IsValid)
        {
            v.Add("creditCode", code.Error);
        }

        v.Require(r.Nature is not null && Enum.IsDefined(r.Nature.Value), "nature", "请选择申报单位性质。");
        var region = Regions.Check(r.Region, r.Nature is { } nature && Enum.IsDefined(nature) ? nature : null);
        if (!region.IsValid)
        {
            v.Add("region", region.Error);
        }

        Text(v, "supervisingDepartment", r.SupervisingDepartment, "主管部门", RegisterUnit.MaxNameLength);
        Text(v, "auditorName", r.AuditorName, "审核人姓名", RegisterUnit.MaxShortText);
        var mobile = MobileNumber.Validate(r.AuditorMobile);
        if (!mobile.IsValid)
        {
            v.Add("auditorMobile", mobile.Error);
        }

        if (!string.IsNullOrWhiteSpace(r.AuditorLandline) && !LandlinePattern().IsMatch(r.AuditorLandline.Trim()))
        {
            v.Add("auditorLandline", "座机号码格式不正确，应如 0851-85893109。");
        }

        if (!string.IsNullOrWhiteSpace(r.AuditorQq) && !QqPattern().IsMatch(r.AuditorQq.Trim()))
        {
            v.Add("auditorQq", "QQ号码应为 5 到 12 位数字，且不以 0 开头。");
        }

        if (!string.IsNullOrWhiteSpace(r.AuditorEmail) && EmailAddress.Validate(r.AuditorEmail) is { IsValid: false } auditorEmail)
        {
            v.Add("auditorEmail", auditorEmail.Error);
        }

        v.Require(r.AuditorIsHr, "auditorIsHr", "审核人须为人力资源部门专职负责职称申报工作的同志，且不得由申报人担任，请确认。");
        Text(v, "fillerName", r.FillerName, "填报人", RegisterUnit.MaxShortText);
        var fillerPhone = r.FillerPhone?.Trim() ?? string.Empty;
        if (fillerPhone.Length == 0)
        {
            v.Add("fillerPhone", "请填写填报人联系电话。");
        }
        else if (!MobileNumber.Validate(fillerPhone).IsValid && !LandlinePattern().IsMatch(fillerPhone))
        {
            v.Add("fillerPhone", "填报人联系电话应为手机号或座机号码（如 0851-85893109）。");
        }

        if (!string.IsNullOrWhiteSpace(r.FillerEmail) && EmailAddress.Validate(r.FillerEmail) is { IsValid: false } fillerEmail)
        {
            v.Add("fillerEmail", fillerEmail.Error);
        }

        v.ThrowIfInvalid();
        return new UnitRegistrationDetails(
            r.UnitName!.Trim(),
            code.Normalized!,
            r.Nature!.Value,
            region.Normalized!,
            r.SupervisingDepartment!.Trim(),
            r.AuditorName!.Trim(),
            mobile.Normalized!,
            r.AuditorLandline,
            r.AuditorQq,
            r.AuditorEmail,
            r.FillerName!.Trim(),
            fillerPhone,
            string.IsNullOrWhiteSpace(r.FillerEmail) ? null : r.FillerEmail.Trim());
    }

    private static void Text(Validation v, string field, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, $"请填写{label}。");
        }
        else if (value.Trim().Length > max)
        {
            v.Add(field, $"{label}不能超过 {max} 个字。");
        }
    }

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex LandlinePattern();

    [GeneratedRegex(@"^[1-9]\d{4,11}$")]
    private static partial Regex QqPattern();
}

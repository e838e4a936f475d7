using Microsoft.Extensions.Options;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Application.Units;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Time;

namespace TitleReview.Application.Applicants.RegisterApplicant;

/// <summary>
/// A person registers as an applicant of a unit (no account needed). Only a unit confirmed in a
/// campaign whose filing window has not closed may have applicants; one account per ID number, and
/// none for an ID number whose integrity record carries a ban in force.
/// </summary>
public sealed record RegisterApplicant(
    Guid? UnitId,
    string? Name,
    string? IdNumber,
    string? Mobile,
    string? Password,
    string? ConfirmPassword)
{
    public const int MaxNameLength = 32;
}

internal sealed class RegisterApplicantHandler(
    IUnitDirectory units,
    IApplicantAccounts accounts,
    ICurrentCampaign currentCampaign,
    IOptions<OfficeContact> contact,
    IIntegrityRecord integrity,
    TimeProvider clock) : IHandler<RegisterApplicant, ApplicantAccount>
{
    public async Task<ApplicantAccount> HandleAsync(RegisterApplicant request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var campaigns = await currentCampaign.NotClosedAsync(StageKeys.Filing, cancellationToken);
        var v = new Validation();

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            v.Add("name", "请填写姓名。");
        }
        else if (name.Length > RegisterApplicant.MaxNameLength)
        {
            v.Add("name", $"姓名不能超过 {RegisterApplicant.MaxNameLength} 个字。");
        }

        var today = BeijingTime.Today(clock);
        var idNumber = IdNumber.Validate(request.IdNumber, today);
        if (!idNumber.IsValid)
        {
            v.Add("idNumber", idNumber.Error);
        }
        else if (await integrity.ActiveBanAsync(idNumber.Normalized, today, cancellationToken) is { } ban
                 && new NoRegisteringOrApplyingWhileBannedRule(ban.Until, today, ban.Contact) is { } banned
                 && banned.IsBroken())
        {
            v.Add("idNumber", banned.Message);
        }
        else if (await accounts.IsIdNumberRegisteredAsync(idNumber.Normalized, cancellationToken))
        {
            v.Add("idNumber", "该身份证号码已注册，请直接登录；如忘记密码请联系本单位审核人。");
        }

        var mobile = MobileNumber.Validate(request.Mobile);
        if (!mobile.IsValid)
        {
            v.Add("mobile", mobile.Error);
        }
        else
        {
            var use = await accounts.FindMobileUseAsync(mobile.Normalized, cancellationToken);
            if (use == MobileUse.Auditor || await units.IsRegisteredAuditorAsync(campaigns.Select(c => c.Id).ToList(), mobile.Normalized, cancellationToken))
            {
                v.Add("mobile", $"审核人不得作为申报人：手机号 {MobileNumber.Mask(mobile.Normalized)} 已是单位审核人的手机号。如本人确需申报，请先由本单位更换审核人，或联系{contact.Value.Name}（{contact.Value.Phone}）。");
            }
            else if (use == MobileUse.Taken)
            {
                v.Add("mobile", $"手机号 {MobileNumber.Mask(mobile.Normalized)} 已注册，请直接登录；如忘记密码请联系本单位审核人。");
            }
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            v.Add("password", "请设置密码。");
        }
        else
        {
            foreach (var problem in await accounts.CheckPasswordAsync(request.Password, cancellationToken))
            {
                v.Add("password", problem);
            }

            if (request.Password != request.ConfirmPassword)
            {
                v.Add("confirmPassword", "两次输入的密码不一致。");
            }
        }

        var unit = request.UnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        if (request.UnitId is null)
        {
            v.Add("unitId", "请选择申报单位。");
        }
        else if (unit is null)
        {
            v.Add("unitId", "所选申报单位不存在，请重新选择。");
        }

        v.ThrowIfInvalid();
        await EnsureUnitMayHaveApplicantsAsync(campaigns, unit!.Id, unit.Name, now, cancellationToken);

        return await accounts.CreateAsync(
            new NewApplicant(unit.Id, unit.Name, name, idNumber.Normalized!, mobile.Normalized!, request.Password!),
            cancellationToken);
    }

    private async Task EnsureUnitMayHaveApplicantsAsync(IReadOnlyList<Campaign> campaigns, Guid unitId, string unitName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var office = contact.Value;
        if (campaigns.Count == 0)
        {
            throw new DomainException($"目前没有开放申报人注册的年度评审工作，请留意{office.Name}发布的通知。{office.CallUs}");
        }

        foreach (var campaign in campaigns)
        {
            if (await units.IsConfirmedAsync(campaign.Id, unitId, cancellationToken))
            {
                return;
            }
        }

        var nearest = campaigns[0];
        var confirmation = nearest.Stage(StageKeys.AuditorConfirmation);
        if (now < confirmation.ClosesAt)
        {
            throw new DomainException(
                $"“{unitName}”尚未核准 {nearest.Year} 年度的审核人信息（核准时间为 {BeijingTime.Format(confirmation.OpensAt)} 至 {BeijingTime.Format(confirmation.LastSecond)}），核准后其申报人员方可注册。请联系本单位人力资源部门，或{office.Name}（{office.Phone}）。");
        }

        throw new DomainException(
            $"“{unitName}”未在规定时间内核准 {nearest.Year} 年度的审核人信息，按通知规定，其申报人员不能在系统上注册申报。请联系本单位人力资源部门，或{office.Name}（{office.Phone}）。");
    }
}

using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>
/// What the office fills in for an expert. The organisation is a registered unit
/// (<paramref name="UnitId"/>, then its registered name) or typed when it is none, such as a
/// university; recusal compares either with each candidate's unit.
/// </summary>
public sealed record ExpertProfileInput(
    string? Name,
    Guid? UnitId,
    string? Organisation,
    string? ProfessionalTitle,
    string? Field,
    string? Mobile,
    string? Email)
{
    public const int MaxNameLength = Expert.MaxNameLength;
    public const int MaxOrganisationLength = Expert.MaxOrganisationLength;
    public const int MaxTitleLength = Expert.MaxTitleLength;
    public const int MaxFieldLength = Expert.MaxFieldLength;
}

/// <summary>An expert's profile and contact, checked and normalised.</summary>
internal sealed record CheckedExpert(string Name, string Organisation, Guid? UnitId, string ProfessionalTitle, string Field, string Mobile, string? Email)
{
    public NewExpertAccount Account => new(Name, Mobile, Email);
}

/// <summary>The expert form's checks, each message beside its field, shared by creating, completing and editing.</summary>
internal static class ExpertProfiles
{
    public static async Task<CheckedExpert> CheckAsync(
        ExpertProfileInput input, string? exceptUserId, IExpertAccounts accounts, IUnitDirectory units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = new Validation();
        var name = Text(v, input.Name, nameof(input.Name), "姓名", Expert.MaxNameLength);
        var organisation = input.Organisation?.Trim() ?? string.Empty;
        if (input.UnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, cancellationToken);
            v.Require(unit is not null, nameof(input.Organisation), "所选单位不存在，请重新选择或直接填写工作单位。");
            organisation = unit?.Name ?? organisation;
        }
        else
        {
            organisation = Text(v, input.Organisation, nameof(input.Organisation), "工作单位", Expert.MaxOrganisationLength);
        }

        var title = Text(v, input.ProfessionalTitle, nameof(input.ProfessionalTitle), "专业技术职务", Expert.MaxTitleLength);
        var field = Text(v, input.Field, nameof(input.Field), "专业领域", Expert.MaxFieldLength);

        var mobile = string.Empty;
        var mobileCheck = MobileNumber.Validate(input.Mobile);
        if (!mobileCheck.IsValid)
        {
            v.Add(nameof(input.Mobile), string.IsNullOrWhiteSpace(input.Mobile) ? "请填写手机号，用于登录和接收设置密码链接。" : mobileCheck.Error);
        }
        else if (await accounts.IsMobileTakenAsync(mobileCheck.Normalized, exceptUserId, cancellationToken))
        {
            v.Add(nameof(input.Mobile), $"手机号 {MobileNumber.Mask(mobileCheck.Normalized)} 已被其他账号使用。");
        }
        else
        {
            mobile = mobileCheck.Normalized;
        }

        string? email = null;
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            var emailCheck = EmailAddress.Validate(input.Email);
            if (emailCheck.IsValid)
            {
                email = emailCheck.Normalized;
            }
            else
            {
                v.Add(nameof(input.Email), emailCheck.Error);
            }
        }

        v.ThrowIfInvalid();
        return new CheckedExpert(name, organisation, input.UnitId, title, field, mobile, email);
    }

    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以管理评审专家和评审委员会。");
        }
    }

    private static string Text(Validation v, string? value, string field, string label, int max)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            v.Add(field, $"请填写{label}。");
        }
        else if (text.Length > max)
        {
            v.Add(field, $"{label}不能超过 {max} 个字。");
        }

        return text;
    }
}

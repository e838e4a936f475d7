using TitleReview.Domain.Common;

namespace TitleReview.Domain.Units;

/// <summary>
/// 报送审核人信息: a unit's registration of its auditor for one campaign. Its progress
/// (registered → approved / rejected → confirmed / not confirmed) is its workflow instance.
/// </summary>
public sealed class UnitRegistration : Entity
{
    private UnitRegistration()
    {
        Number = string.Empty;
        UnitName = string.Empty;
        CreditCode = string.Empty;
        Region = string.Empty;
        SupervisingDepartment = string.Empty;
        AuditorName = string.Empty;
        AuditorMobile = string.Empty;
        FillerName = string.Empty;
        FillerPhone = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The registration's public number (e.g. DW2023-0007): sequential, so never a key to anything.</summary>
    public string Number { get; private set; }

    public string UnitName { get; private set; }

    public string CreditCode { get; private set; }

    public UnitNature Nature { get; private set; }

    public string Region { get; private set; }

    public string SupervisingDepartment { get; private set; }

    public string AuditorName { get; private set; }

    public string AuditorMobile { get; private set; }

    public string? AuditorLandline { get; private set; }

    public string? AuditorQq { get; private set; }

    public string? AuditorEmail { get; private set; }

    public string FillerName { get; private set; }

    public string FillerPhone { get; private set; }

    /// <summary>Where the filler receives the access token and the unit's notices (optional).</summary>
    public string? FillerEmail { get; private set; }

    /// <summary>SHA-256 of the unit's access token (<see cref="RegistrationAccessToken"/>); the token itself is never stored.</summary>
    public string AccessTokenHash { get; private set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The unit, once the office approved the registration.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The auditor's account, created at approval (replaced if the office replaces the auditor).</summary>
    public string? AuditorUserId { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public static UnitRegistration Submit(Guid id, Guid campaignId, string number, UnitRegistrationDetails details, string accessTokenHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessTokenHash);
        var registration = new UnitRegistration
        {
            Id = id,
            CampaignId = campaignId,
            Number = number,
            AccessTokenHash = accessTokenHash,
            SubmittedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
        registration.Apply(details);
        return registration;
    }

    public UnitRegistrationDetails Details => new(
        UnitName, CreditCode, Nature, Region, SupervisingDepartment, AuditorName, AuditorMobile,
        AuditorLandline, AuditorQq, AuditorEmail, FillerName, FillerPhone, FillerEmail);

    public void Approve(Guid unitId, string auditorUserId)
    {
        UnitId = unitId;
        AuditorUserId = auditorUserId;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>The office issues a new access token (the unit lost its own); the old one stops working.</summary>
    public void ReplaceAccessToken(string accessTokenHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessTokenHash);
        AccessTokenHash = accessTokenHash;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>The office replaces the auditor during the campaign.</summary>
    public void ReplaceAuditor(string name, string mobile, string? landline, string? qq, string? email, string auditorUserId)
    {
        AuditorName = name;
        AuditorMobile = mobile;
        AuditorLandline = landline;
        AuditorQq = qq;
        AuditorEmail = email;
        AuditorUserId = auditorUserId;
        ConcurrencyToken = Guid.NewGuid();
    }

    private void Apply(UnitRegistrationDetails details)
    {
        UnitName = details.UnitName.Trim();
        CreditCode = details.CreditCode.Trim().ToUpperInvariant();
        Nature = details.Nature;
        Region = details.Region;
        SupervisingDepartment = details.SupervisingDepartment.Trim();
        AuditorName = details.AuditorName.Trim();
        AuditorMobile = details.AuditorMobile;
        AuditorLandline = Blank(details.AuditorLandline);
        AuditorQq = Blank(details.AuditorQq);
        AuditorEmail = Blank(details.AuditorEmail);
        FillerName = details.FillerName.Trim();
        FillerPhone = details.FillerPhone.Trim();
        FillerEmail = Blank(details.FillerEmail);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

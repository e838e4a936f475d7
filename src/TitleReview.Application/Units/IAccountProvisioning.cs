namespace TitleReview.Application.Units;

public sealed record ProvisionedAccount(string UserId, string UserName, string ActivationPath, DateTimeOffset ExpiresAt);

/// <summary>Creates and disables accounts for units' auditors (Identity lives in Infrastructure).</summary>
public interface IAccountProvisioning
{
    /// <summary>
    /// Creates an inactive auditor account (user name: the mobile number) and an activation
    /// link with a limited lifetime. Saves through the shared unit of work.
    /// </summary>
    Task<ProvisionedAccount> CreateAuditorAsync(string name, string mobile, Guid unitId, string actorName, CancellationToken cancellationToken = default);

    /// <summary>A new activation link for an account not yet activated; older links stop working.</summary>
    Task<ProvisionedAccount> ReissueActivationAsync(string userId, string actorName, CancellationToken cancellationToken = default);

    Task DisableAsync(string userId, string actorName, string reason, CancellationToken cancellationToken = default);

    /// <summary>Whether someone with this mobile number applies in the campaign.</summary>
    Task<bool> IsApplicantInCampaignAsync(Guid campaignId, string mobile, CancellationToken cancellationToken = default);

    Task<AccountState?> GetAsync(string userId, CancellationToken cancellationToken = default);
}

public sealed record AccountState(string UserId, string UserName, bool IsActive, bool IsDisabled, DateTimeOffset? ActivationExpiresAt);

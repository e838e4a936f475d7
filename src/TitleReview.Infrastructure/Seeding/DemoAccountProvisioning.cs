using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Units;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The demo's auditors hold their accounts before any campaign (named as the README lists them,
/// not by mobile as approval would name them), so approving their units' registrations finds the
/// active account of that auditor, as the real provisioning does for an auditor of the same unit
/// in a later year. Everyone else is provisioned as usual. Registered in the demo replay only.
/// </summary>
internal sealed class DemoAccountProvisioning(AccountProvisioning provisioning, UserManager<AppUser> users, TimeProvider clock) : IAccountProvisioning
{
    public async Task<ProvisionedAccount> CreateAuditorAsync(string name, string mobile, Guid unitId, string actorName, CancellationToken cancellationToken = default)
    {
        var demo = DemoAccounts.Users.FirstOrDefault(u => u.Role == Roles.Auditor && u.Mobile == mobile && u.UnitId == unitId);
        var account = demo is null ? null : await users.Users.FirstOrDefaultAsync(u => u.UserName == demo.UserName, cancellationToken);
        return account is { IsActive: true }
            ? new ProvisionedAccount(account.Id, account.UserName!, string.Empty, clock.GetUtcNow())
            : await provisioning.CreateAuditorAsync(name, mobile, unitId, actorName, cancellationToken);
    }

    public Task<ProvisionedAccount> ReissueActivationAsync(string userId, string actorName, CancellationToken cancellationToken = default) =>
        provisioning.ReissueActivationAsync(userId, actorName, cancellationToken);

    public Task DisableAsync(string userId, string actorName, string reason, CancellationToken cancellationToken = default) =>
        provisioning.DisableAsync(userId, actorName, reason, cancellationToken);

    public Task<bool> IsApplicantInCampaignAsync(Guid campaignId, string mobile, CancellationToken cancellationToken = default) =>
        provisioning.IsApplicantInCampaignAsync(campaignId, mobile, cancellationToken);

    public Task<AccountState?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        provisioning.GetAsync(userId, cancellationToken);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TitleReview.Infrastructure.Identity;

/// <summary>Adds the person's name, unit and whether they use two-factor sign-in to the sign-in cookie, so pages need no lookup.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";
    public const string UnitIdClaim = "unit_id";

    /// <summary>Present when the account has two-factor sign-in turned on (office accounts must).</summary>
    public const string TwoFactorClaim = "two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(UnitIdClaim, unitId.ToString()));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "true"));
        }

        return identity;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TitleReview.Infrastructure.Identity;

/// <summary>Adds the person's name and unit to the sign-in cookie, so pages need no lookup.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";
    public const string UnitIdClaim = "unit_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(UnitIdClaim, unitId.ToString()));
        }

        return identity;
    }
}

using Microsoft.AspNetCore.Identity;

namespace TitleReview.Infrastructure.Identity;

/// <summary>Sign-in requires an active account (activated, not disabled).</summary>
public sealed class ActiveAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.IsActive);
}

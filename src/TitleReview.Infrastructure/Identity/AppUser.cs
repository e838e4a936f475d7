using Microsoft.AspNetCore.Identity;

namespace TitleReview.Infrastructure.Identity;

public sealed class AppUser : IdentityUser
{
    public const int MaxDisplayNameLength = 64;

    /// <summary>The person's name as shown on pages (姓名).</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The unit an auditor or applicant belongs to.</summary>
    public Guid? UnitId { get; set; }
}

using Microsoft.AspNetCore.Identity;

namespace TitleReview.Infrastructure.Identity;

public sealed class AppUser : IdentityUser
{
    public const int MaxDisplayNameLength = 64;
    public const int MaxIdNumberLength = 18;

    /// <summary>The person's name as shown on pages (姓名).</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The unit an auditor or applicant belongs to.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>
    /// An applicant's 居民身份证号码 (upper-case, 18 characters): one account per person.
    /// Other kinds of account have none.
    /// </summary>
    public string? IdNumber { get; set; }

    /// <summary>
    /// Only an active account may sign in: an auditor's account becomes active when its
    /// activation link is used, and stops being active when the office disables it.
    /// </summary>
    public bool IsActive { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }
}

namespace TitleReview.Infrastructure.Identity;

/// <summary>
/// An activation link: only the SHA-256 of its token is stored, so the database alone
/// cannot be used to activate anyone's account. Single use, limited lifetime.
/// </summary>
public sealed class AccountActivation
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class ActivationOptions
{
    public const string SectionName = "Activation";

    public int LifetimeHours { get; set; } = 72;
}

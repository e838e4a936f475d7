namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>An account with the Expert role as the office's expert pages read it.</summary>
/// <param name="Status">Whether it can sign in (正常), waits for its password (待设置密码) or was disabled (已停用).</param>
public sealed record ExpertAccount(string UserId, string UserName, string DisplayName, string? Mobile, string? Email, string Status);

/// <summary>A checked, normalised expert ready to become an account: the mobile is the user name.</summary>
public sealed record NewExpertAccount(string Name, string Mobile, string? Email);

/// <param name="SentTo">Where the set-password link went, masked.</param>
public sealed record ExpertAccountCreated(string UserId, IReadOnlyList<string> SentTo);

/// <summary>
/// Expert accounts (Identity lives in Infrastructure). Creating and changing one saves through
/// the shared unit of work, so the caller's transaction also covers the expert's profile.
/// </summary>
public interface IExpertAccounts
{
    /// <summary>Every account with the Expert role, by display name.</summary>
    Task<IReadOnlyList<ExpertAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The account if it has the Expert role; null otherwise.</summary>
    Task<ExpertAccount?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Whether an account other than <paramref name="exceptUserId"/> signs in with or gave this (normalised) mobile number.</summary>
    Task<bool> IsMobileTakenAsync(string mobile, string? exceptUserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an inactive Expert account, writes the audit entry, and queues a one-time
    /// set-password link to the person's own mobile and e-mail (never shown on a page).
    /// </summary>
    Task<ExpertAccountCreated> CreateAsync(NewExpertAccount account, string actorName, CancellationToken cancellationToken = default);

    /// <summary>Changes the account's name, mobile (and the user name, when it was the old mobile) and e-mail.</summary>
    Task UpdateContactAsync(string userId, NewExpertAccount contact, CancellationToken cancellationToken = default);
}

using TitleReview.Domain.Common;
using TitleReview.Domain.Identity.Rules;

namespace TitleReview.Domain.Identity;

/// <summary>
/// A six-digit code sent to a person who forgot their password. Only its SHA-256 is stored;
/// it expires, is used once, and is void after <see cref="MaxWrongAttempts"/> wrong tries
/// or when a newer code is requested.
/// </summary>
public sealed class PasswordResetCode : Entity
{
    public const int MaxWrongAttempts = 5;
    public const int HashLength = 64;

    private PasswordResetCode()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string CodeHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int WrongAttempts { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    /// <summary>
    /// Issues a code, checking the hourly request limit against the codes the account was
    /// sent in the last hour.
    /// </summary>
    public static PasswordResetCode Issue(string userId, string codeHash, int requestsInLastHour, int maxRequestsPerHour, DateTimeOffset now, TimeSpan lifetime)
    {
        CheckRule(new PasswordResetRequestsPerHourRule(requestsInLastHour, maxRequestsPerHour));
        return new PasswordResetCode
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CodeHash = codeHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsOpen => UsedAt is null && VoidedAt is null;

    /// <summary>
    /// Tries the code: a match marks it used; a wrong code counts against its tries and
    /// returns false (the caller saves the count). A used, void or expired code breaks a rule.
    /// </summary>
    public bool Redeem(string codeHash, DateTimeOffset now)
    {
        CheckRule(new PasswordResetCodeIsSingleUseRule(UsedAt));
        CheckRule(new PasswordResetCodeWrongAttemptsRule(WrongAttempts, MaxWrongAttempts));
        CheckRule(new PasswordResetCodeMustNotBeVoidRule(VoidedAt));
        CheckRule(new PasswordResetCodeMustNotBeExpiredRule(ExpiresAt, now));
        if (!string.Equals(codeHash, CodeHash, StringComparison.Ordinal))
        {
            WrongAttempts++;
            if (WrongAttempts >= MaxWrongAttempts)
            {
                VoidedAt = now;
            }

            return false;
        }

        UsedAt = now;
        return true;
    }

    /// <summary>A newer code replaces this one.</summary>
    public void Void(DateTimeOffset now)
    {
        if (IsOpen)
        {
            VoidedAt = now;
        }
    }
}

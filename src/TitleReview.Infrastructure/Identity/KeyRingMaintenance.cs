using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Logging;

namespace TitleReview.Infrastructure.Identity;

/// <summary>
/// Creates Data Protection keys ahead of need (ADR 0058). Left to itself, Data Protection creates a
/// key on the first protect that finds none current, or within two days of the current key's
/// expiry: inside whatever request or use case protects something. With the key ring in the
/// database that write may meet the caller's own open transaction, and on SQLite (one writer for
/// the whole file) it then waits on it until "database is locked". So the first key is created at
/// start-up and every successor 14 days before it is needed, by a daily job, never inside a
/// request. Data Protection reads the system clock, so this does too (not the application's
/// TimeProvider, which tests move).
/// </summary>
public sealed class KeyRingMaintenance(IKeyManager keys, ILogger<KeyRingMaintenance> logger)
{
    public const string RecurringJobId = "key-ring";

    /// <summary>How long before the last key expires its successor is created.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromDays(14);

    /// <summary>Data Protection's own default key lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <param name="lead">How far ahead to look; <see cref="Lead"/> unless a test looks further.</param>
    public void EnsureAhead(TimeSpan? lead = null)
    {
        var now = DateTimeOffset.UtcNow;
        var usable = keys.GetAllKeys().Where(k => !k.IsRevoked).ToList();
        if (!usable.Any(k => k.ActivationDate <= now && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now + Lifetime);
            logger.LogInformation("Created the Data Protection key in use from now until {Expiry:u}", now + Lifetime);
            return;
        }

        var horizon = usable.Max(k => k.ExpirationDate);
        if (horizon < now + (lead ?? Lead))
        {
            keys.CreateNewKey(horizon, horizon + Lifetime);
            logger.LogInformation("Created the next Data Protection key, in use from {Activation:u}", horizon);
        }
    }
}

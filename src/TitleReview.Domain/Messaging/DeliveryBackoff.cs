namespace TitleReview.Domain.Messaging;

/// <summary>
/// Rule: a message whose delivery fails is tried again after 1, 2, 4, 8, … minutes (at most
/// one hour apart), eight attempts in all; then it is marked failed for the office to see.
/// </summary>
public static class DeliveryBackoff
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static bool HasAttemptsLeft(int attemptsMade) => attemptsMade < MaxAttempts;

    public static TimeSpan DelayAfter(int attemptsMade)
    {
        var minutes = Math.Pow(2, Math.Clamp(attemptsMade - 1, 0, 16));
        var delay = TimeSpan.FromMinutes(minutes);
        return delay < Longest ? delay : Longest;
    }
}

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The time of the demo story: it stands at the instant the story puts it, and only moves
/// forward, so every journal entry, window check and timer the demo's commands touch reads the
/// day the step happened. Used only by <see cref="ReplayServices"/>.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves to <paramref name="instant"/>; an instant already past leaves the clock where it is.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > _now)
        {
            _now = instant;
        }
    }
}

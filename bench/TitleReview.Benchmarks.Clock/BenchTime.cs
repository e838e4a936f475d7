namespace TitleReview.Benchmarks.Clock;

/// <summary>The instant the application sees; the benchmark moves it past the filing close.</summary>
internal sealed class BenchTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset instant) => _now = instant;
}

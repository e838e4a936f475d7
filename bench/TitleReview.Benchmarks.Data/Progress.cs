using System.Diagnostics;

namespace TitleReview.Benchmarks.Data;

/// <summary>One line per phase with the time since the start (nothing with --quiet).</summary>
internal sealed class Progress(bool quiet)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public TimeSpan Elapsed => _watch.Elapsed;

    public void Say(string message)
    {
        if (!quiet)
        {
            Console.WriteLine($"[{_watch.Elapsed:mm\\:ss}] {message}");
        }
    }
}

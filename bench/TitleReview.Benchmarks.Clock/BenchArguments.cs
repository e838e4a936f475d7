using System.Globalization;

namespace TitleReview.Benchmarks.Clock;

internal static class BenchArguments
{
    public const int DefaultCount = 20_000;

    /// <summary>The clock should stay within this factor of the set-based SQL (issue 10).</summary>
    public const int TargetRatio = 10;

    /// <summary><c>--count N</c>: how many open applications to close (default 20,000).</summary>
    public static int Count(string[] args)
    {
        var index = Array.IndexOf(args, "--count");
        if (index < 0)
        {
            return DefaultCount;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new ArgumentException("--count needs a positive whole number, e.g. --count 20000");
        }

        return count;
    }
}

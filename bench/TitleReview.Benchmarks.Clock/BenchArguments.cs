using System.Globalization;

namespace TitleReview.Benchmarks.Clock;

/// <summary>
/// <c>--count N</c> (default 20,000), <c>--warmup N</c> (default 1,000; 0 for none),
/// <c>--runs N</c> (default 3: each on fresh copies of the seeded database; medians reported),
/// <c>--batch-size N</c> (default: the clock's own), <c>--keep</c> (leave the databases).
/// </summary>
internal sealed record BenchArguments(int Count, int WarmUp, int Runs, int? BatchSize, bool Keep)
{
    public const int DefaultCount = 20_000;
    public const int DefaultWarmUp = 1_000;
    public const int DefaultRuns = 3;

    /// <summary>Batches in the warm-up: each per-batch method runs often enough for the JIT's final tier (30 calls).</summary>
    public const int WarmUpBatches = 40;

    /// <summary>The clock should stay within this factor of the set-based SQL (issue 10).</summary>
    public const int TargetRatio = 10;

    public static BenchArguments Parse(string[] args) =>
        new(
            Number(args, "--count", DefaultCount, minimum: 1),
            Number(args, "--warmup", DefaultWarmUp, minimum: 0),
            Number(args, "--runs", DefaultRuns, minimum: 1),
            args.Contains("--batch-size") ? Number(args, "--batch-size", 0, minimum: 1) : null,
            args.Contains("--keep"));

    private static int Number(string[] args, string name, int fallback, int minimum)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"{name} needs a whole number of at least {minimum}, e.g. {name} {fallback}");
        }

        return value;
    }
}

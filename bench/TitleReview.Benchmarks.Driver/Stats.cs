using System.Globalization;

namespace TitleReview.Benchmarks.Driver;

internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest rank: the smallest value with at least <paramref name="percent"/>% of the values at or below it.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// The line bench/run collects from every measuring tool (wrk's scripts print the same):
    /// <c>RESULT key=value …</c>, numbers in the invariant culture.
    /// </summary>
    public static void PrintResult(params (string Key, double Value)[] values) =>
        Console.WriteLine("RESULT " + string.Join(' ', values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value:0.###}"))));
}

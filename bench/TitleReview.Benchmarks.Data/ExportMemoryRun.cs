using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Spreadsheets;

namespace TitleReview.Benchmarks.Data;

/// <summary>
/// <c>export-memory [--small N] [--large N]</c>: writes a small and a large applicants sheet (2,000 and
/// 20,000 rows) through the app's writer after a warm-up, prints each measurement and the ratio of
/// the peak retained growths. A streaming writer's ratio stays near 1, one that keeps the rows ten.
/// </summary>
internal static class ExportMemoryRun
{
    public const int DefaultSmall = 2_000;

    public const int DefaultLarge = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var small = Option(args, "--small", DefaultSmall);
        var large = Option(args, "--large", DefaultLarge);
        var folder = Path.Combine(Path.GetTempPath(), $"titlereview-export-memory-{Guid.NewGuid():N}");
        try
        {
            var (smallRun, largeRun) = await MeasureAsync(folder, small, large);
            Console.WriteLine(smallRun);
            Console.WriteLine(largeRun);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"rows x{(double)large / small:0.#}, file x{(double)largeRun.FileBytes / smallRun.FileBytes:0.#}, peak retained growth x{Ratio(largeRun, smallRun):0.##}"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>A warm-up (the JIT, MiniExcel's caches), then the two measurements with the app's real writer.</summary>
    public static async Task<(ExportMemory.Measurement Small, ExportMemory.Measurement Large)> MeasureAsync(string folder, int small, int large)
    {
        Directory.CreateDirectory(folder);
        await using var host = DataHost.Create(folder);
        var writer = host.Services.GetRequiredService<ISpreadsheetWriter>();
        await ExportMemory.MeasureAsync(writer, ExportMemory.SampleEvery, folder);
        var smallRun = await ExportMemory.MeasureAsync(writer, small, folder);
        var largeRun = await ExportMemory.MeasureAsync(writer, large, folder);
        return (smallRun, largeRun);
    }

    /// <summary>The large run's peak retained growth over the small run's, the small one counted as at least 64 KB so that noise near zero does not divide.</summary>
    public static double Ratio(ExportMemory.Measurement large, ExportMemory.Measurement small) =>
        (double)Math.Max(large.PeakRetainedGrowthBytes, 0) / Math.Max(small.PeakRetainedGrowthBytes, 64 * 1024);

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}

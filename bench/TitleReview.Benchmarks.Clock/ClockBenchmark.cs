using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TitleReview.Benchmarks.Clock;

/// <summary>One timing of the clock and of the set-based SQL, each on its own copy of the seeded database.</summary>
internal sealed record BenchRun(
    int Count,
    int Fired,
    TimeSpan ClockTime,
    TimeSpan ClockProcessorTime,
    TimeSpan SetBasedTime,
    TimeSpan SetBasedProcessorTime,
    Outcome Clock,
    Outcome SetBased)
{
    public double Ratio => ClockTime.TotalSeconds / SetBasedTime.TotalSeconds;

    /// <summary>Both databases hold the same result, and it is every application closed exactly once.</summary>
    public bool Agree => Clock == SetBased && Clock.Closed == Count && Clock.StillOpen == 0 && Clock.EachClosedOnce && Fired == Count;
}

internal static class ClockBenchmark
{
    /// <summary>
    /// Seeds a database in <paramref name="folder"/> once, then <paramref name="runs"/> times closes
    /// filing on one fresh copy of it with the real clock and on another with set-based SQL.
    /// </summary>
    public static async Task<IReadOnlyList<BenchRun>> RunAsync(string folder, int count, int? batchSize, int runs)
    {
        var seededFolder = Path.Combine(folder, "seeded");
        var time = new BenchTime(BenchSeed.Start);
        var seedWatch = Stopwatch.StartNew();
        SeededCampaign seeded;
        await using (var host = BenchHost.Create(seededFolder, time, batchSize))
        {
            seeded = await BenchSeed.SeedAsync(host, count);
        }

        SqliteConnection.ClearAllPools();
        Console.WriteLine($"  seeded {count:N0} in {seedWatch.Elapsed.TotalSeconds:0.0} s; filing closes at {seeded.ClosesAt:yyyy-MM-dd HH:mm:ss zzz}");

        var results = new List<BenchRun>();
        for (var run = 1; run <= runs; run++)
        {
            var clockFolder = CopyOf(seededFolder, Path.Combine(folder, $"run{run}", "clock"));
            var sqlFolder = CopyOf(seededFolder, Path.Combine(folder, $"run{run}", "sql"));
            time.MoveTo(seeded.ClosesAt);

            TimeSpan clockTime;
            TimeSpan clockCpu;
            int fired;
            await using (var host = BenchHost.Create(clockFolder, time, batchSize))
            {
                var cpu = ProcessorTime();
                var watch = Stopwatch.StartNew();
                fired = await host.RunClockAsync();
                clockTime = watch.Elapsed;
                clockCpu = ProcessorTime() - cpu;
            }

            var sqlCpu = ProcessorTime();
            var sqlTime = await SetBasedClose.RunAsync(BenchHost.ConnectionString(sqlFolder), seeded, time.GetUtcNow());
            sqlCpu = ProcessorTime() - sqlCpu;

            results.Add(new BenchRun(
                count,
                fired,
                clockTime,
                clockCpu,
                sqlTime,
                sqlCpu,
                await Outcome.CountAsync(BenchHost.ConnectionString(clockFolder), seeded),
                await Outcome.CountAsync(BenchHost.ConnectionString(sqlFolder), seeded)));
            SqliteConnection.ClearAllPools();
        }

        return results;
    }

    /// <summary>The seeded database file (with its write-ahead log, if any) copied to a new folder.</summary>
    private static string CopyOf(string from, string to)
    {
        Directory.CreateDirectory(to);
        var name = Path.GetFileName(BenchHost.DatabaseFile(from));
        foreach (var file in Directory.EnumerateFiles(from, name + "*"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        return to;
    }

    private static TimeSpan ProcessorTime() => Process.GetCurrentProcess().TotalProcessorTime;
}

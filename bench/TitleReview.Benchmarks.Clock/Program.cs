using System.Globalization;
using Microsoft.Data.Sqlite;
using TitleReview.Benchmarks.Clock;

// Times the workflow clock closing N open applications at the filing close, against the
// minimal set-based SQL with the same effect on a copy of the same database (bench/README.md).
var arguments = BenchArguments.Parse(args);
var folder = Path.Combine(Path.GetTempPath(), "titlereview-clockbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    if (arguments.WarmUp > 0)
    {
        // A server has fired timers, batch by batch, for weeks before Aug 31, and the JIT has
        // long compiled that code in its final form: small batches give the warm-up as many.
        var warmUpBatch = Math.Max(1, arguments.WarmUp / BenchArguments.WarmUpBatches);
        Console.WriteLine($"Warming up on {arguments.WarmUp:N0} applications in batches of {warmUpBatch} …");
        var warmUp = await ClockBenchmark.RunAsync(Path.Combine(folder, "warmup"), arguments.WarmUp, warmUpBatch, runs: 2);
        if (warmUp.Any(r => !r.Agree))
        {
            Console.Error.WriteLine("Warm-up: the clock and the set-based SQL did not end in the same state.");
            return 1;
        }
    }

    Console.WriteLine($"Seeding {arguments.Count:N0} open applications in {folder} …");
    var runs = await ClockBenchmark.RunAsync(Path.Combine(folder, "measured"), arguments.Count, arguments.BatchSize, arguments.Runs);
    foreach (var (run, number) in runs.Select((r, i) => (r, i + 1)))
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  run {number}: clock {run.ClockTime.TotalSeconds:0.00} s (processor {run.ClockProcessorTime.TotalSeconds:0.00} s), set-based SQL {run.SetBasedTime.TotalSeconds:0.00} s (processor {run.SetBasedProcessorTime.TotalSeconds:0.00} s), ratio {run.Ratio:0.0}x"));
        Console.WriteLine($"         clock database:     {run.Clock}");
        Console.WriteLine($"         set-based database: {run.SetBased}");
    }

    var clock = Median(runs.Select(r => r.ClockTime.TotalSeconds));
    var setBased = Median(runs.Select(r => r.SetBasedTime.TotalSeconds));
    var ratio = clock / setBased;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"clock: {clock:0.00} s, set-based SQL: {setBased:0.00} s, ratio {ratio:0.0}x (target <= {BenchArguments.TargetRatio}x) — medians of {runs.Count} runs, {arguments.Count:N0} applications"));

    if (runs.Any(r => !r.Agree))
    {
        Console.Error.WriteLine("The clock and the set-based SQL did not end in the same state.");
        return 1;
    }

    if (ratio > BenchArguments.TargetRatio)
    {
        Console.WriteLine("The clock is slower than the target.");
    }

    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    if (arguments.Keep)
    {
        Console.WriteLine($"Databases kept in {folder}.");
    }
    else
    {
        Directory.Delete(folder, recursive: true);
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

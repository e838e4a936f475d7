using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TitleReview.Benchmarks.Clock;

// Times the workflow clock closing N open applications at the filing close, against the
// minimal set-based SQL with the same effect on a copy of the same database (bench/README.md).
var count = BenchArguments.Count(args);
var folder = Path.Combine(Path.GetTempPath(), "titlereview-clockbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var clockFolder = Path.Combine(folder, "clock");
    var sqlFolder = Path.Combine(folder, "sql");
    var time = new BenchTime(BenchSeed.Start);

    Console.WriteLine($"Seeding {count:N0} open applications in {folder} …");
    var seedWatch = Stopwatch.StartNew();
    SeededCampaign seeded;
    await using (var host = BenchHost.Create(clockFolder, time))
    {
        seeded = await BenchSeed.SeedAsync(host, count);
    }

    SqliteConnection.ClearAllPools();
    Directory.CreateDirectory(sqlFolder);
    File.Copy(BenchHost.DatabaseFile(clockFolder), BenchHost.DatabaseFile(sqlFolder));
    Console.WriteLine($"Seeded in {seedWatch.Elapsed.TotalSeconds:0.0} s; filing closes at {seeded.ClosesAt:yyyy-MM-dd HH:mm:ss zzz}.");

    time.MoveTo(seeded.ClosesAt);
    TimeSpan clockTime;
    int fired;
    await using (var host = BenchHost.Create(clockFolder, time))
    {
        var watch = Stopwatch.StartNew();
        fired = await host.RunClockAsync();
        clockTime = watch.Elapsed;
    }

    var sqlTime = await SetBasedClose.RunAsync(BenchHost.ConnectionString(sqlFolder), seeded, time.GetUtcNow());

    var clockCounts = await Outcome.CountAsync(BenchHost.ConnectionString(clockFolder), seeded);
    var sqlCounts = await Outcome.CountAsync(BenchHost.ConnectionString(sqlFolder), seeded);
    Console.WriteLine($"clock fired {fired:N0} timers; clock database:   {clockCounts}");
    Console.WriteLine($"                       set-based database: {sqlCounts}");

    var ratio = clockTime.TotalSeconds / sqlTime.TotalSeconds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"clock: {clockTime.TotalSeconds:0.00} s, set-based SQL: {sqlTime.TotalSeconds:0.00} s, ratio {ratio:0.0}x (target <= {BenchArguments.TargetRatio}x) for {count:N0} applications"));

    if (clockCounts != sqlCounts || clockCounts.Closed != count || !clockCounts.EachClosedOnce)
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
    Directory.Delete(folder, recursive: true);
}

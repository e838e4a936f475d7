using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Workflows;
using TitleReview.Benchmarks.Data;

// Fills a data folder with a province-sized year for the benchmarks (bench/README.md), or, with
// `totp KEY`, prints the authenticator code of the office account for scripts, or, with
// `export-memory`, measures the memory an export holds while it is written (bench/README.md).
if (args.Length == 2 && args[0] == "totp")
{
    Console.WriteLine(Totp.Code(args[1], DateTimeOffset.UtcNow));
    return 0;
}

if (args.Length >= 1 && args[0] == "export-memory")
{
    return await ExportMemoryRun.RunAsync(args.Skip(1).ToArray());
}

DataArguments options;
try
{
    options = DataArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: --out DIR [--force] [--seed N] [--units N] [--applicants N] [--past-instances N] [--large-scan-share P] [--quiet]");
    Console.Error.WriteLine("       totp KEY");
    Console.Error.WriteLine("       export-memory [--small N] [--large N]");
    return 2;
}

if (Directory.Exists(options.Out) && Directory.EnumerateFileSystemEntries(options.Out).Any())
{
    if (!options.Force)
    {
        Console.Error.WriteLine($"{options.Out} is not empty: pass --force to replace its content.");
        return 2;
    }

    Directory.Delete(options.Out, recursive: true);
}

var progress = new Progress(options.Quiet);
progress.Say($"filling {options.Out}: seed {options.Seed}, {options.Units:N0} units, {options.Applicants:N0} applicants, {options.PastInstances:N0} past cases");
try
{
    DataSet data;
    IReadOnlyDictionary<string, int> lists;
    await using (var host = DataHost.Create(options.Out))
    {
        data = await new Generator(options, host, progress).RunAsync();
        lists = data.Write(options.Out, host.Services.GetRequiredService<IWorkflowDefinitions>().Latest(Generator.ApplicationDefinitionId));
    }

    SqliteConnection.ClearAllPools();
    var database = new FileInfo(Path.Combine(options.Out, "titlereview.db")).Length;
    var uploads = Directory.EnumerateFiles(Path.Combine(options.Out, "uploads"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"done in {progress.Elapsed.TotalSeconds:0} s: {data.Units.Count:N0} units, {data.Applications.Count:N0} applications of {data.Campaign.Year}, {data.Scans:N0} scans, {data.PastStates.Values.Sum(s => s.Values.Sum()):N0} past cases; database {database / 1048576.0:0} MB, uploads {uploads / 1048576.0:0} MB"));
    Console.WriteLine("lists: " + string.Join(", ", lists.Select(l => $"{l.Key} {l.Value:N0}")));
    foreach (var (list, minimum) in DataSet.Minimums.Where(m => lists[m.Key] < m.Value))
    {
        Console.WriteLine($"note: {list} has {lists[list]:N0} rows, fewer than the {minimum:N0} the benchmark uses (larger --applicants or --units give more).");
    }

    return 0;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

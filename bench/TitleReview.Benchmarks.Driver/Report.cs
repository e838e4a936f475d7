using System.Globalization;
using System.Text;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// <c>report</c>: the one table of bench/run, from its raw results (one line per tool run:
/// <c>measure&lt;TAB&gt;run&lt;TAB&gt;what&lt;TAB&gt;key=value …</c>). Values and ceilings are
/// medians over the runs; a ratio is the median of each run's ratio to the ceiling measured
/// right after it, so slow drifts of the machine's load cancel within each pair.
/// </summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(Arguments arguments)
    {
        var results = File.ReadLines(arguments.Required("raw"))
            .Where(line => line.Length > 0)
            .Select(RawResult.Parse)
            .ToList();

        var rows = new List<Row>();
        rows.AddRange(Pages(results, "P1-dossier", "P1 applicant's dossier overview"));
        rows.AddRange(Pages(results, "P1-review", "P1 auditor's review page"));
        rows.AddRange(Uploads(results));
        rows.AddRange(Close(results));
        rows.AddRange(Rush(results));
        rows.AddRange(Monitor(results));
        foreach (var measure in (arguments.Optional("expected") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!rows.Any(r => r.Measure.StartsWith(measure + " ", StringComparison.Ordinal)))
            {
                rows.Add(new Row($"{measure}: no result (see the logs)", "—", string.Empty, string.Empty, string.Empty, false));
            }
        }

        var table = new StringBuilder();
        table.AppendLine("| Measure | Value | Ceiling | Ratio | Target | Result |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            table.AppendLine($"| {row.Measure} | {row.Value} | {row.Ceiling} | {row.Ratio} | {row.Target} | {(row.Pass ? "pass" : "**fail**")} |");
        }

        var machine = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {arguments.Optional("cores")} cores, {arguments.Optional("cpu")}; load average (1, 5, 15 min) {arguments.Optional("load-before")} before, {arguments.Optional("load-after")} after; {arguments.Optional("date")}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Data set: {arguments.Optional("data")}. {arguments.Optional("note")}");
        var text = $"{table}\n{machine.ToString().TrimEnd()}\n";
        Console.WriteLine(text);
        if (arguments.Optional("markdown") is { } markdown)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdown))!);
            File.WriteAllText(markdown, $"# bench/run: the year's peaks\n\n{text}");
        }

        return rows.All(r => r.Pass) ? 0 : 3;
    }

    private static IEnumerable<Row> Pages(List<RawResult> results, string measure, string title)
    {
        var (pages, statics) = (Of(results, measure, "page"), Of(results, measure, "static"));
        if (pages.Count == 0)
        {
            yield break;
        }

        var ratio = Stats.Median(Paired(pages, statics, (page, file) => page["rps"] / file["rps"]));
        var errors = WrkErrors(pages);
        yield return new Row(
            $"{title}: requests/s, 64 connections",
            $"{Number(Median(pages, "rps"))}/s{Errors(errors)}",
            $"{Number(Median(statics, "rps"))}/s static file",
            Percent(ratio),
            "≥ 20%",
            ratio >= 0.20 && errors == 0);
        var p95 = Median(Answered(pages), "p95_ms");
        yield return new Row($"{title}: p95 latency", Milliseconds(p95), string.Empty, string.Empty, "≤ 50 ms", p95 <= 50);
    }

    private static IEnumerable<Row> Uploads(List<RawResult> results)
    {
        var (app, dd) = (Of(results, "P2", "app"), Of(results, "P2", "dd"));
        if (app.Count == 0)
        {
            yield break;
        }

        var ratio = Stats.Median(Paired(app, dd, (upload, disk) => upload["mb_per_s"] / disk["mb_per_s"]));
        var errors = app.Sum(a => a["errors"]);
        var uploads = app[0]["uploads"];
        yield return new Row(
            $"P2 uploads of 5 MB scans: throughput, 8 connections, {Number(uploads)} uploads",
            $"{Median(app, "mb_per_s"):0.0} MB/s{Errors(errors)}",
            $"{Median(dd, "mb_per_s"):0.0} MB/s dd with fsync",
            Percent(ratio),
            "≥ 50%",
            ratio >= 0.50 && errors == 0);
        var growth = Median(app, "rss_growth_mb");
        yield return new Row(
            $"P2 uploads: the app's memory growth over {Number(uploads)} uploads",
            string.Create(Invariant, $"{growth:0} MB"),
            string.Empty,
            string.Empty,
            "< 100 MB",
            growth < 100);
    }

    private static IEnumerable<Row> Close(List<RawResult> results)
    {
        var close = Of(results, "P3", "clock");
        if (close.Count == 0)
        {
            yield break;
        }

        var ratio = Median(close, "ratio");
        yield return new Row(
            $"P3 the close: the clock closing {Number(close[0]["count"])} open cases",
            string.Create(Invariant, $"{Median(close, "clock_s"):0.00} s"),
            string.Create(Invariant, $"{Median(close, "sql_s"):0.00} s set-based SQL"),
            string.Create(Invariant, $"{ratio:0.0}×"),
            "≤ 10×",
            ratio <= 10);
    }

    private static IEnumerable<Row> Rush(List<RawResult> results)
    {
        var (submits, queues, checks) = (Of(results, "P4", "submit"), Of(results, "P4", "auditors"), Of(results, "P4", "check"));
        if (submits.Count == 0)
        {
            yield break;
        }

        var count = submits[0]["submissions"];
        var seconds = Median(submits, "seconds");
        var errors = submits.Sum(s => s["errors"]) + WrkErrors(queues);
        var missing = checks.Sum(c => c["expected"] - c["submitted"]);
        yield return new Row(
            $"P4 the rush: {Number(count)} applicants submit once each, arriving over 55 s, up to 100 connections",
            string.Create(Invariant, $"{seconds:0.0} s from the first to the last answer ({Median(submits, "rps"):0} submissions/s)"),
            string.Empty,
            string.Empty,
            "≤ 60 s",
            seconds <= 60);
        yield return new Row(
            $"P4 the rush: errors over {submits.Count} runs",
            string.Create(Invariant, $"{errors:0} errors; {checks.Count(c => c["submitted"] == c["expected"])} of {checks.Count} runs found every submission in the database"),
            string.Empty,
            string.Empty,
            "0",
            errors == 0 && missing == 0 && checks.Count == submits.Count);
        var submitP95 = Median(submits, "p95_ms");
        yield return new Row("P4 the rush: submission p95 latency", Milliseconds(submitP95), string.Empty, string.Empty, "≤ 500 ms", submitP95 <= 500);
        if (queues.Count > 0)
        {
            var queueP95 = Median(Answered(queues), "p95_ms");
            yield return new Row(
                string.Create(Invariant, $"P4 the rush: 50 auditors' queue pages (a page a second each), p95 latency ({Median(queues, "rps"):0}/s)"),
                Milliseconds(queueP95),
                string.Empty,
                string.Empty,
                "≤ 500 ms",
                queueP95 <= 500);
        }
    }

    private static IEnumerable<Row> Monitor(List<RawResult> results)
    {
        var monitor = Of(results, "P5", "monitor");
        if (monitor.Count == 0)
        {
            yield break;
        }

        var p95 = Median(Answered(monitor), "p95_ms");
        var errors = WrkErrors(monitor);
        yield return new Row(
            string.Create(Invariant, $"P5 the monitor: counts and first filtered page, 8 connections, p95 latency ({Median(monitor, "rps"):0}/s)"),
            Milliseconds(p95) + Errors(errors),
            string.Empty,
            string.Empty,
            "≤ 100 ms",
            p95 <= 100 && errors == 0);
    }

    /// <summary>wrk's failures: answers other than 200, socket errors, and runs in which no answer came at all.</summary>
    private static double WrkErrors(List<RawResult> runs) =>
        runs.Sum(r => r["non200"] + r["socket_errors"] + (r["requests"] == 0 ? 1 : 0));

    /// <summary>The wrk runs that had answers: a run without any has no latency (wrk prints 0), only an error.</summary>
    private static List<RawResult> Answered(List<RawResult> runs) => runs.Where(r => r["requests"] > 0).ToList();

    private static List<RawResult> Of(List<RawResult> results, string measure, string what) =>
        results.Where(r => r.Measure == measure && r.What == what).ToList();

    /// <summary>Each run's value against the ceiling of the same run number.</summary>
    private static IEnumerable<double> Paired(List<RawResult> measured, List<RawResult> ceilings, Func<RawResult, RawResult, double> ratio) =>
        measured.Join(ceilings, m => m.Run, c => c.Run, ratio);

    private static double Median(List<RawResult> results, string key) => Stats.Median(results.Select(r => r[key]));

    private static string Number(double value) => value.ToString("N0", Invariant);

    private static string Milliseconds(double value) => string.Create(Invariant, $"{value:0.0} ms");

    private static string Percent(double ratio) => string.Create(Invariant, $"{ratio * 100:0.0}%");

    private static string Errors(double errors) => errors == 0 ? string.Empty : string.Create(Invariant, $" ({errors:0} errors)");

    private sealed record Row(string Measure, string Value, string Ceiling, string Ratio, string Target, bool Pass);
}

/// <summary>One line of the raw results: which measure, which run, what was measured, and the numbers.</summary>
internal sealed record RawResult(string Measure, int Run, string What, IReadOnlyDictionary<string, double> Values)
{
    public double this[string key] => Values.TryGetValue(key, out var value) ? value : double.NaN;

    public static RawResult Parse(string line)
    {
        var fields = line.Split('\t');
        var values = fields[3]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
        return new RawResult(fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture), fields[2], values);
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// <c>upload</c> (P2): sends one file <c>--count</c> times through the dossier's upload endpoint
/// from <c>--connections</c> connections, each connection with its own applicants (two uploads
/// to one dossier at once would race for its concurrency token), and reports the throughput and
/// how much the app's resident memory grew (<c>/proc/PID/status</c>, VmRSS) from before the first
/// upload to after the last.
/// </summary>
internal static class Uploads
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var baseAddress = new Uri(arguments.Required("url"));
        var cookies = Tsv.ReadCookies(arguments.Required("cookies"));
        var accounts = Tsv.Read(arguments.Required("accounts"))
            .Select(f => (Cookie: cookies[f[0]], ApplicationId: f[1], Slot: f[2]))
            .ToList();
        var connections = arguments.Int("connections", 8);
        var count = arguments.Int("count", 200);
        var pid = arguments.Int("pid", 0);
        var file = arguments.Required("file");
        var bytes = await File.ReadAllBytesAsync(file);
        if (accounts.Count < connections)
        {
            throw new UsageException($"{connections} connections need at least as many upload accounts; the list has {accounts.Count}");
        }

        using var http = Http.CreateClient(baseAddress, connections);
        var rssBefore = pid > 0 ? ResidentMegabytes(pid) : double.NaN;
        var latencies = new List<double>();
        var failures = new List<string>();
        var next = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async connection =>
        {
            var own = accounts.Where((_, i) => i % connections == connection).ToList();
            for (var n = 0; Interlocked.Increment(ref next) <= count; n++)
            {
                var (cookie, applicationId, slot) = own[n % own.Count];
                using var request = Http.Request(HttpMethod.Post, baseAddress, $"/api/applications/{applicationId}/dossier/attachments", cookie);
                using var content = new MultipartFormDataContent
                {
                    { new StringContent(slot), "slot" },
                };
                var scan = new ByteArrayContent(bytes);
                scan.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                content.Add(scan, "file", Path.GetFileName(file));
                request.Content = content;

                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Add($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                    }
                }
            }
        }));
        stopwatch.Stop();
        var rssAfter = pid > 0 ? ResidentMegabytes(pid) : double.NaN;

        foreach (var failure in failures.Take(3))
        {
            Console.Error.WriteLine($"  upload failed: {failure}");
        }

        var megabytes = (double)bytes.Length * latencies.Count / 1_000_000;
        Stats.PrintResult(
            ("uploads", latencies.Count),
            ("errors", failures.Count),
            ("megabytes", megabytes),
            ("seconds", stopwatch.Elapsed.TotalSeconds),
            ("mb_per_s", megabytes / stopwatch.Elapsed.TotalSeconds),
            ("p95_ms", Stats.Percentile(latencies, 95)),
            ("rss_before_mb", rssBefore),
            ("rss_after_mb", rssAfter),
            ("rss_growth_mb", rssAfter - rssBefore));
        return 0;
    }

    private static double ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kilobytes * 1024 / 1_000_000.0;
    }
}

using System.Diagnostics;
using System.Text;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// <c>rush</c> (P4): each of <c>--count</c> different applicants submits their dossier once, from
/// <c>--connections</c> connections at once. With <c>--over S</c> the submissions arrive spread
/// evenly over S seconds (the i-th starts no earlier than i·S/count after the first), as people
/// arrive, instead of each connection sending its next one the moment the last is answered:
/// then the latency is what one person waits at that arrival rate, not the length of a queue the
/// bench itself builds. Reports the time from the first request to the last answer, the errors
/// (any answer but 2xx, and failed connections) and the latencies.
/// </summary>
internal static class Rush
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var baseAddress = new Uri(arguments.Required("url"));
        var cookies = Tsv.ReadCookies(arguments.Required("cookies"));
        var connections = arguments.Int("connections", 100);
        var over = TimeSpan.FromSeconds(arguments.Int("over", 0));
        var submissions = Tsv.Read(arguments.Required("accounts"))
            .Take(arguments.Int("count", int.MaxValue))
            .Select(f => (Cookie: cookies[f[0]], ApplicationId: f[1]))
            .ToList();

        using var http = Http.CreateClient(baseAddress, connections);
        var latencies = new List<double>();
        var failures = new List<string>();
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < submissions.Count)
            {
                var (cookie, applicationId) = submissions[index];
                var arrival = over * index / submissions.Count;
                if (arrival > stopwatch.Elapsed)
                {
                    await Task.Delay(arrival - stopwatch.Elapsed);
                }

                using var request = Http.Request(HttpMethod.Post, baseAddress, $"/api/applications/{applicationId}/dossier/submit", cookie);
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    failure = response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
                }
                catch (HttpRequestException e)
                {
                    failure = e.Message;
                }

                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    if (failure is not null)
                    {
                        failures.Add($"{applicationId}: {failure}");
                    }
                }
            }
        }));
        stopwatch.Stop();

        foreach (var failure in failures.Take(5))
        {
            Console.Error.WriteLine($"  submission failed: {failure}");
        }

        Stats.PrintResult(
            ("submissions", latencies.Count),
            ("errors", failures.Count),
            ("seconds", stopwatch.Elapsed.TotalSeconds),
            ("rps", latencies.Count / stopwatch.Elapsed.TotalSeconds),
            ("p50_ms", Stats.Percentile(latencies, 50)),
            ("p95_ms", Stats.Percentile(latencies, 95)),
            ("max_ms", latencies.Count == 0 ? double.NaN : latencies.Max()));
        return 0;
    }
}

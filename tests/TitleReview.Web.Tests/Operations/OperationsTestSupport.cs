using System.Collections.Concurrent;
using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Serilog.Core;
using Serilog.Events;

namespace TitleReview.Web.Tests.Operations;

/// <summary>Keeps every log event of one host, and lets a test wait for the one it expects.</summary>
internal sealed class CapturingLogSink : ILogEventSink
{
    private readonly SemaphoreSlim _emitted = new(0);

    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        Events.Enqueue(logEvent);
        _emitted.Release();
    }

    /// <summary>Waits (at most 10 s) for a matching event: the request log is written as the pipeline unwinds, after the client has its answer.</summary>
    public async Task<IReadOnlyList<LogEvent>> WaitForAsync(Func<LogEvent, bool> match)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (!Events.Any(match))
            {
                await _emitted.WaitAsync(limit.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The assertion that follows names what is missing.
        }

        return Events.Where(match).ToList();
    }

    public static string? Scalar(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value?.ToString() : null;
}

/// <summary>
/// Schedules nothing: a test host with the clock switched on drives the clock job itself, so
/// Hangfire's real-time scheduler never runs it in the middle of a test.
/// </summary>
internal sealed class NoRecurringJobs : IRecurringJobManager
{
    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
    {
    }

    public void Trigger(string recurringJobId)
    {
    }

    public void RemoveIfExists(string recurringJobId)
    {
    }
}

/// <summary>Reads samples out of Prometheus's text format.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of a metric's samples whose labels contain every given fragment (<c>code="200"</c>); null when it has none.</summary>
    public static double? Sum(string exposition, string metric, params string[] labelFragments)
    {
        double? sum = null;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue;
            }

            // A label's value may hold a brace (a route template's "{id:guid}"); the labels end at the last "} ".
            var labels = rest[0] == '{' ? rest[..(rest.LastIndexOf("} ", StringComparison.Ordinal) + 1)] : string.Empty;
            if (!labelFragments.All(f => labels.Contains(f, StringComparison.Ordinal)))
            {
                continue;
            }

            var value = rest[(labels.Length + 1)..].Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }
}

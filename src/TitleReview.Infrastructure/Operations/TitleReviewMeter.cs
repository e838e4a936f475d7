using System.Diagnostics.Metrics;

namespace TitleReview.Infrastructure.Operations;

/// <summary>
/// The application's own counters (ADR 0061), on a <see cref="Meter"/> named
/// <see cref="MeterName"/> made by the host's <see cref="IMeterFactory"/>: one per host, so two hosts
/// in one process (the tests) never count into each other. The web host exports them to Prometheus,
/// where the meter's name prefixes each instrument's (<c>titlereview_workflow_clock_runs</c>).
/// </summary>
public sealed class TitleReviewMeter
{
    public const string MeterName = "TitleReview";

    private readonly Counter<long> _clockRuns;
    private readonly Counter<long> _timersFired;

    public TitleReviewMeter(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _clockRuns = Meter.CreateCounter<long>("workflow.clock.runs", unit: null, description: "Finished runs of the workflow clock on this instance.");
        _timersFired = Meter.CreateCounter<long>("workflow.timers.fired", unit: null, description: "Timers the workflow clock fired on this instance.");
    }

    /// <summary>This host's meter: an exporter listens to its instruments and no other host's.</summary>
    public Meter Meter { get; }

    /// <summary>One finished run of the clock, with how many timers it fired.</summary>
    public void ClockRan(int timersFired)
    {
        // Zero is counted too: each run keeps both series fresh for the exporter.
        _clockRuns.Add(1);
        _timersFired.Add(timersFired);
    }
}

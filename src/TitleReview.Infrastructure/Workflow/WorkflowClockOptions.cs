namespace TitleReview.Infrastructure.Workflow;

/// <summary>How the clock fires due timers (configuration section <c>Workflow:Clock</c>).</summary>
public sealed class WorkflowClockOptions
{
    public const string SectionName = "Workflow:Clock";

    /// <summary>
    /// At Aug 31, 24:00 every open filing case closes at once: 500 cases a transaction keeps each
    /// transaction short while the clock stays within a small factor of set-based SQL (bench/README.md).
    /// </summary>
    public const int DefaultBatchSize = 500;

    /// <summary>How many due timers of one definition version, state and trigger fire in one transaction.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Test seam: called after each batch, with how many batches this run has finished.</summary>
    internal Func<int, Task>? BatchFinished { get; set; }

    /// <summary>Test seam: called with a batch's instances after its transitions are applied and before it is saved.</summary>
    internal Func<IReadOnlyCollection<Guid>, Task>? BeforeBatchSave { get; set; }
}

namespace TitleReview.Domain.Workflows.Bulk;

public enum BulkItemOutcome
{
    /// <summary>Not yet reached by the job.</summary>
    Pending = 0,

    Fired = 1,

    Refused = 2,
}

/// <summary>
/// One instance of a batch and what happened to it. Its outcome is written in the same
/// transaction as the instance's fire, so a job run again after a crash fires it at most once.
/// </summary>
public sealed class BulkOperationItem
{
    public const int MaxMessageLength = 1000;

    private BulkOperationItem()
    {
        SubjectTitle = string.Empty;
    }

    public long Id { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The instance's place in the selection, from 1: the job works in this order.</summary>
    public int Sequence { get; private set; }

    public Guid InstanceId { get; private set; }

    /// <summary>How the instance was listed when the batch was created (李华 · 政工师).</summary>
    public string SubjectTitle { get; private set; }

    public BulkItemOutcome Outcome { get; private set; }

    /// <summary>For a fired item the states it went between; for a refused one the Chinese reason.</summary>
    public string? Message { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public bool IsProcessed => Outcome != BulkItemOutcome.Pending;

    internal static BulkOperationItem Create(Guid operationId, int sequence, BulkSelectedInstance instance) => new()
    {
        OperationId = operationId,
        Sequence = sequence,
        InstanceId = instance.InstanceId,
        SubjectTitle = instance.SubjectTitle,
        Outcome = BulkItemOutcome.Pending,
    };

    public void RecordFired(string message, DateTimeOffset now) => Record(BulkItemOutcome.Fired, message, now);

    public void RecordRefused(string reason, DateTimeOffset now) => Record(BulkItemOutcome.Refused, reason, now);

    /// <summary>A fired item's message once the fire has told where the instance went.</summary>
    public void DescribeFire(string message)
    {
        if (Outcome != BulkItemOutcome.Fired)
        {
            throw new InvalidOperationException($"Item {Id} was not fired.");
        }

        Message = Truncate(message);
    }

    private void Record(BulkItemOutcome outcome, string message, DateTimeOffset now)
    {
        if (IsProcessed)
        {
            throw new InvalidOperationException($"Item {Id} of batch {OperationId} already has its outcome ({Outcome}).");
        }

        Outcome = outcome;
        Message = Truncate(message);
        ProcessedAt = now;
    }

    private static string Truncate(string message) => message.Length <= MaxMessageLength ? message : message[..MaxMessageLength];
}

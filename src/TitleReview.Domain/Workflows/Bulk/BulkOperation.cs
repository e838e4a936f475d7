using TitleReview.Domain.Common;

namespace TitleReview.Domain.Workflows.Bulk;

public enum BulkOperationStatus
{
    /// <summary>Created; its job has not started yet.</summary>
    Pending = 0,

    Running = 1,

    /// <summary>Every item has its outcome.</summary>
    Completed = 2,
}

/// <summary>
/// The office fires one trigger, with one reason, on many instances at once (a batch operation,
/// as Camunda Cockpit calls it). The selection is frozen into <see cref="Items"/> when the
/// batch is created, so its outcome is exact even if instances move before the job reaches them;
/// the job fires each item through the generic fire and records the item's outcome with it.
/// </summary>
public sealed class BulkOperation : Entity
{
    /// <summary>A sane ceiling for one batch: every application of a very large campaign.</summary>
    public const int MaxItems = 20_000;

    public const int MaxSelectionLength = 500;

    private const char RoleSeparator = ',';

    private readonly List<BulkOperationItem> _items = [];

    private BulkOperation()
    {
        DefinitionId = string.Empty;
        Trigger = string.Empty;
        TriggerName = string.Empty;
        ActorId = string.Empty;
        ActorName = string.Empty;
        ActorRoles = string.Empty;
        Selection = string.Empty;
    }

    public Guid Id { get; private set; }

    public string DefinitionId { get; private set; }

    public string Trigger { get; private set; }

    /// <summary>The trigger's Chinese name when the batch was created (特例重新开放).</summary>
    public string TriggerName { get; private set; }

    /// <summary>The one reason written to every fired instance's journal.</summary>
    public string? Reason { get; private set; }

    /// <summary>For a transition that reopens until an instant: that instant, the same for every instance.</summary>
    public DateTimeOffset? Until { get; private set; }

    /// <summary>The staff member who created the batch: every fire is theirs.</summary>
    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>The actor's roles when the batch was created, comma-separated.</summary>
    public string ActorRoles { get; private set; }

    public Guid? ActorUnitId { get; private set; }

    /// <summary>How the instances were chosen, in Chinese (年度 2023 · 状态：未提交…, or 勾选的 3 个实例).</summary>
    public string Selection { get; private set; }

    public int Total { get; private set; }

    public int Processed { get; private set; }

    public int Fired { get; private set; }

    public int Refused { get; private set; }

    public BulkOperationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public IReadOnlyList<BulkOperationItem> Items => _items;

    public WorkflowActor Actor => new(ActorId, ActorName, ActorRoles.Split(RoleSeparator, StringSplitOptions.RemoveEmptyEntries), ActorUnitId);

    public bool IsCompleted => Status == BulkOperationStatus.Completed;

    /// <param name="instances">The selected instances in the order they were listed; an instance listed twice is kept once.</param>
    public static BulkOperation Create(
        Guid id,
        string definitionId,
        string trigger,
        string triggerName,
        string? reason,
        DateTimeOffset? until,
        WorkflowActor actor,
        string selection,
        IReadOnlyList<BulkSelectedInstance> instances,
        DateTimeOffset now)
    {
        var distinct = instances.DistinctBy(i => i.InstanceId).ToList();
        CheckRule(new BulkOperationSelectsInstancesRule(distinct.Count));
        CheckRule(new BulkOperationSizeLimitRule(distinct.Count));
        CheckRule(new BulkOperationIsNotTheSystemsRule(actor));

        var operation = new BulkOperation
        {
            Id = id,
            DefinitionId = definitionId,
            Trigger = trigger,
            TriggerName = triggerName,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Until = until,
            ActorId = actor.Id,
            ActorName = actor.Name,
            ActorRoles = string.Join(RoleSeparator, actor.Roles),
            ActorUnitId = actor.UnitId,
            Selection = selection.Length <= MaxSelectionLength ? selection : selection[..MaxSelectionLength],
            Total = distinct.Count,
            Status = BulkOperationStatus.Pending,
            CreatedAt = now,
        };
        operation._items.AddRange(distinct.Select((instance, index) => BulkOperationItem.Create(id, index + 1, instance)));
        return operation;
    }

    /// <summary>The job starts (or, after a crash, starts again: the first start is kept).</summary>
    public void Start(DateTimeOffset now)
    {
        if (Status == BulkOperationStatus.Pending)
        {
            Status = BulkOperationStatus.Running;
            StartedAt = now;
        }
    }

    /// <summary>
    /// The counts as the items now stand (counted, not added up, so a job run twice counts
    /// each item once); the batch is completed when every item has its outcome.
    /// </summary>
    public void RecordProgress(int fired, int refused, DateTimeOffset now)
    {
        if (fired < 0 || refused < 0 || fired + refused > Total)
        {
            throw new ArgumentOutOfRangeException(nameof(fired), $"{fired} fired and {refused} refused do not fit {Total} items.");
        }

        Fired = fired;
        Refused = refused;
        Processed = fired + refused;
        if (Processed == Total && Status != BulkOperationStatus.Completed)
        {
            Status = BulkOperationStatus.Completed;
            StartedAt ??= now;
            FinishedAt = now;
        }
    }
}

/// <summary>An instance as it stood when the batch was created.</summary>
public sealed record BulkSelectedInstance(Guid InstanceId, string SubjectTitle);

/// <summary>Rule: a batch acts on at least one instance.</summary>
public sealed class BulkOperationSelectsInstancesRule(int count) : IBusinessRule
{
    public bool IsBroken() => count == 0;

    public string Message => "没有选中任何流程实例。请勾选实例，或调整筛选条件。";
}

/// <summary>Rule: a batch acts on at most <see cref="BulkOperation.MaxItems"/> instances.</summary>
public sealed class BulkOperationSizeLimitRule(int count) : IBusinessRule
{
    public bool IsBroken() => count > BulkOperation.MaxItems;

    public string Message => $"一次最多批量处理 {BulkOperation.MaxItems} 个流程实例，当前选中 {count} 个。请缩小筛选范围后分批处理。";
}

/// <summary>Rule: the system clock's triggers are never fired by people, one by one or in a batch.</summary>
public sealed class BulkOperationIsNotTheSystemsRule(WorkflowActor actor) : IBusinessRule
{
    public bool IsBroken() => actor.IsSystem;

    public string Message => "系统操作只能由系统时钟执行，不能批量执行。";
}

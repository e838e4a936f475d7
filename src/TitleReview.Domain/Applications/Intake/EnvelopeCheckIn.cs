namespace TitleReview.Domain.Applications.Intake;

/// <summary>How one checklist item came in the envelope.</summary>
public enum ItemStatus
{
    Received = 1,
    Missing = 2,

    /// <summary>In the envelope but not acceptable (unsealed form, a copy not signed, …).</summary>
    Wrong = 3,
}

public static class ItemStatuses
{
    public static string DisplayName(ItemStatus status) => status switch
    {
        ItemStatus.Received => "已收",
        ItemStatus.Missing => "缺",
        _ => "有误",
    };
}

/// <summary>One item of the person's checklist (<see cref="Documents.PaperChecklist"/>) as checked.</summary>
public sealed record CheckedItem(int Number, string Name, ItemStatus Status, string? Note)
{
    public const int MaxNoteLength = 200;

    public bool IsReceived => Status == ItemStatus.Received;
}

/// <summary>One person's envelope as the office checked it in: item by item, by whom, when.</summary>
public sealed class EnvelopeCheckIn
{
    private readonly List<CheckedItem> _items = [];

    private EnvelopeCheckIn()
    {
        CheckedBy = string.Empty;
        CheckedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public DateTimeOffset CheckedAt { get; private set; }

    public string CheckedBy { get; private set; }

    public string CheckedByName { get; private set; }

    /// <summary>How many times the check-in was corrected after the first.</summary>
    public int Corrections { get; private set; }

    public IReadOnlyList<CheckedItem> Items => _items;

    public bool IsComplete => _items.All(i => i.IsReceived);

    /// <summary>What is missing or wrong, as the journal and the receipt say it.</summary>
    public string Shortfall => string.Join("；", _items.Where(i => !i.IsReceived)
        .Select(i => $"{i.Name}：{ItemStatuses.DisplayName(i.Status)}{(string.IsNullOrWhiteSpace(i.Note) ? string.Empty : $"（{i.Note}）")}"));

    internal static EnvelopeCheckIn Record(Guid deliveryId, Guid applicationId, IReadOnlyList<CheckedItem> items, DateTimeOffset now, string by, string byName)
    {
        var checkIn = new EnvelopeCheckIn { Id = Guid.NewGuid(), DeliveryId = deliveryId, ApplicationId = applicationId };
        checkIn.Set(items, now, by, byName);
        return checkIn;
    }

    internal void Correct(IReadOnlyList<CheckedItem> items, DateTimeOffset now, string by, string byName)
    {
        Set(items, now, by, byName);
        Corrections++;
    }

    private void Set(IReadOnlyList<CheckedItem> items, DateTimeOffset now, string by, string byName)
    {
        _items.Clear();
        _items.AddRange(items.OrderBy(i => i.Number).Select(i => i with { Note = string.IsNullOrWhiteSpace(i.Note) ? null : i.Note.Trim() }));
        CheckedAt = now;
        CheckedBy = by;
        CheckedByName = byName;
    }
}

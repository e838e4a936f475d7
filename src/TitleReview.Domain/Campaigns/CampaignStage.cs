using TitleReview.Domain.Time;

namespace TitleReview.Domain.Campaigns;

/// <summary>
/// One stage of a campaign's timeline and its window, <c>[OpensAt, ClosesAt)</c>: a window
/// "Aug 1–31" opens at Aug 1 00:00:00 and is closed from Sep 1 00:00:00, Beijing time.
/// </summary>
public sealed class CampaignStage
{
    private CampaignStage()
    {
        Key = string.Empty;
        Name = string.Empty;
    }

    internal CampaignStage(string key, string name, int order, string? within, DateTimeOffset opensAt, DateTimeOffset closesAt, string? note)
    {
        Key = key;
        Name = name;
        Order = order;
        Within = within;
        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt.ToUniversalTime();
        Note = note;
    }

    public long Id { get; private set; }

    public string Key { get; private set; }

    public string Name { get; private set; }

    /// <summary>Calendar order (1 for the first stage), as the campaign's definition declared it.</summary>
    public int Order { get; private set; }

    /// <summary>
    /// The stage whose window this one must lie inside (the publicity feedback inside
    /// preliminary review); such a stage is left out of the calendar-order rule.
    /// </summary>
    public string? Within { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    /// <summary>The first instant at which the window is closed.</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>The last second of the window, as the notice would write it (Aug 31 23:59:59).</summary>
    public DateTimeOffset LastSecond => ClosesAt.AddSeconds(-1);

    /// <summary>Why these dates, where the notice was vague ("late September").</summary>
    public string? Note { get; private set; }

    public bool IsOpenAt(DateTimeOffset instant) => instant >= OpensAt && instant < ClosesAt;

    public WindowStatus StatusAt(DateTimeOffset instant) =>
        instant < OpensAt ? WindowStatus.Upcoming : instant < ClosesAt ? WindowStatus.Open : WindowStatus.Closed;

    /// <summary>"申报人填报与单位审核（2023-08-01 00:00:00 至 2023-08-31 23:59:59）".</summary>
    public string Describe() => $"{Name}（{BeijingTime.Format(OpensAt)} 至 {BeijingTime.Format(LastSecond)}）";

    internal void Move(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt.ToUniversalTime();
    }
}

using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Integrity;

/// <summary>
/// A unit on the integrity negative list (诚信负面清单, notice 二(二)2): the reason, the period and the
/// corrective action it must take. The office may end it early with a note, and publishes it: the
/// public list shows the unit, the reason and the period while it is in force or its publication lasts.
/// </summary>
public sealed class NegativeListEntry : Entity
{
    public const int MaxUnitNameLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxActionLength = 500;
    public const int MaxNoteLength = 500;
    public const int MaxByNameLength = 100;

    private NegativeListEntry()
    {
        UnitName = string.Empty;
        Reason = string.Empty;
        CorrectiveAction = string.Empty;
        ListedBy = string.Empty;
        ListedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The unit as it was named when listed.</summary>
    public string UnitName { get; private set; }

    public string Reason { get; private set; }

    public string CorrectiveAction { get; private set; }

    /// <summary>The first day (Beijing date) on the list.</summary>
    public DateOnly From { get; private set; }

    /// <summary>The last day as the office set it.</summary>
    public DateOnly To { get; private set; }

    /// <summary>The last day it is in force: <see cref="To"/>, or the day before it was ended early.</summary>
    public DateOnly LastDay { get; private set; }

    /// <summary>The day it was ended early (no longer in force from that day); null when not.</summary>
    public DateOnly? EndedOn { get; private set; }

    public string? EndNote { get; private set; }

    public string? EndedByName { get; private set; }

    public DateTimeOffset ListedAt { get; private set; }

    public string ListedBy { get; private set; }

    public string ListedByName { get; private set; }

    /// <summary>When the office published it; null while unpublished.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The last day the public list shows it, even after its period; null while unpublished.</summary>
    public DateOnly? PublishedUntil { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public bool InForceOn(DateOnly day) => From <= day && day <= LastDay;

    /// <summary>Whether the public list shows it on <paramref name="day"/>.</summary>
    public bool ShownPubliclyOn(DateOnly day) => PublishedUntil is { } until && day <= until;

    public static NegativeListEntry Put(
        Guid unitId, string unitName, string? reason, string? correctiveAction, DateOnly from, DateOnly to, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new NegativeListReasonRequiredRule(reason));
        CheckRule(new NegativeListCorrectiveActionRequiredRule(correctiveAction));
        CheckRule(new NegativeListPeriodEndsAfterStartRule(from, to));
        return new NegativeListEntry
        {
            Id = Guid.NewGuid(),
            UnitId = unitId,
            UnitName = unitName.Trim(),
            Reason = reason!.Trim(),
            CorrectiveAction = correctiveAction!.Trim(),
            From = from,
            To = to,
            LastDay = to,
            ListedAt = now,
            ListedBy = by,
            ListedByName = byName,
        };
    }

    /// <summary>Ends the listing from <paramref name="now"/>'s Beijing date on: it is no longer in force that day.</summary>
    public void EndEarly(string? note, DateTimeOffset now, string byName)
    {
        var today = BeijingTime.DateOf(now);
        CheckRule(new NegativeListEndsEarlyOnlyWhileNotOverRule(this, today));
        CheckRule(new NegativeListEarlyEndHasANoteRule(note));
        EndedOn = today < From ? From : today;
        LastDay = EndedOn.Value.AddDays(-1);
        EndNote = note!.Trim();
        EndedByName = byName;
    }

    /// <summary>Publishes it, to be shown until <paramref name="until"/> (at least until its last day).</summary>
    public void Publish(DateOnly until, DateTimeOffset now)
    {
        CheckRule(new NegativeListPublishedAtLeastForItsPeriodRule(LastDay, until));
        PublishedAt = now;
        PublishedUntil = until;
    }
}

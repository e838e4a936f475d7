using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Integrity;

/// <summary>
/// One finding in a person's integrity record (诚信档案), kept by ID number across campaigns: what
/// was found, by which case when a case decided it, and the ban it carries (none when
/// <see cref="BannedUntil"/> is null). A serious case loses the right to apply for three years by default.
/// </summary>
public sealed class IntegrityRecordEntry : Entity
{
    public const int MaxNameLength = 32;
    public const int MaxUnitNameLength = 200;
    public const int MaxFindingLength = 1000;
    public const int MaxByNameLength = 100;

    /// <summary>The ban's length when the office does not set another (notice 四: three years).</summary>
    public const int DefaultBanYears = 3;

    private IntegrityRecordEntry()
    {
        IdNumber = string.Empty;
        PersonName = string.Empty;
        UnitName = string.Empty;
        Finding = string.Empty;
        RecordedBy = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The person's ID number, normalized (upper-case X).</summary>
    public string IdNumber { get; private set; }

    public string PersonName { get; private set; }

    public Guid? UnitId { get; private set; }

    /// <summary>The unit as it was named when the finding was recorded; empty when none.</summary>
    public string UnitName { get; private set; }

    /// <summary>The integrity case that decided it; null for a finding the office entered by hand.</summary>
    public Guid? CaseId { get; private set; }

    public string Finding { get; private set; }

    /// <summary>The last day (Beijing date) the person may not register or apply; null for no ban.</summary>
    public DateOnly? BannedUntil { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public string RecordedByName { get; private set; }

    /// <summary>The default ban's last day for a finding recorded on <paramref name="today"/>: three full years.</summary>
    public static DateOnly DefaultBanEnd(DateOnly today) => today.AddYears(DefaultBanYears).AddDays(-1);

    public bool BansOn(DateOnly day) => BannedUntil is { } until && until >= day;

    /// <param name="idNumber">A validated, normalized ID number.</param>
    public static IntegrityRecordEntry Record(
        string idNumber,
        string personName,
        Guid? unitId,
        string? unitName,
        Guid? caseId,
        string finding,
        DateOnly? bannedUntil,
        DateTimeOffset now,
        string by,
        string byName)
    {
        CheckRule(new IntegrityFindingIsStatedRule(finding));
        CheckRule(new BanEndsAfterTheFindingRule(bannedUntil, BeijingTime.DateOf(now)));
        return new IntegrityRecordEntry
        {
            Id = Guid.NewGuid(),
            IdNumber = idNumber.Trim().ToUpperInvariant(),
            PersonName = personName.Trim(),
            UnitId = unitId,
            UnitName = unitName?.Trim() ?? string.Empty,
            CaseId = caseId,
            Finding = finding.Trim(),
            BannedUntil = bannedUntil,
            RecordedAt = now,
            RecordedBy = by,
            RecordedByName = byName,
        };
    }
}

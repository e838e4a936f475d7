namespace TitleReview.Application.Integrity;

/// <summary>A finding to keep in a person's integrity record, with the ban it carries (none when null).</summary>
/// <param name="IdNumber">The person's ID number: the record is kept by it across campaigns.</param>
/// <param name="CaseId">The integrity case that decided it, when one did.</param>
/// <param name="BannedUntil">The last day (Beijing date) the person may not register or apply; null for no ban.</param>
public sealed record IntegrityFindingToRecord(
    string IdNumber,
    string PersonName,
    Guid? UnitId,
    Guid? CaseId,
    string Finding,
    DateOnly? BannedUntil);

/// <summary>A ban in force: until when, and whom to contact about it.</summary>
public sealed record ActiveBan(DateOnly Until, string Reason, string Contact);

/// <summary>
/// What the Integrity module tells the other modules about the integrity record (诚信档案): the
/// integrity cases add findings to it, registration and starting an application ask it about bans.
/// </summary>
public interface IIntegrityRecord
{
    /// <summary>Stages the finding in the caller's unit of work; the caller saves.</summary>
    Task AddFindingAsync(IntegrityFindingToRecord finding, CancellationToken cancellationToken = default);

    /// <summary>The ban in force for the ID number on <paramref name="today"/> (Beijing date), the latest-ending one; null when none.</summary>
    Task<ActiveBan?> ActiveBanAsync(string idNumber, DateOnly today, CancellationToken cancellationToken = default);
}

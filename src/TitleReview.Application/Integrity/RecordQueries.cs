using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Integrity;

/// <summary>
/// The office searches the integrity record (诚信档案) by ID number or name; without a search it sees
/// the most recently recorded people.
/// </summary>
public sealed record SearchIntegrityRecord(string? Term, WorkflowActor Actor)
{
    public const int MaxPeople = 100;
}

/// <param name="BanInForce">Whether the ban still bans today.</param>
public sealed record IntegrityFindingRow(
    Guid Id,
    string PersonName,
    string UnitName,
    Guid? CaseId,
    string Finding,
    DateOnly? BannedUntil,
    bool BanInForce,
    DateTimeOffset RecordedAt,
    string RecordedByName)
{
    public string BanText => BannedUntil is { } until
        ? $"限制申报至 {IntegrityDates.Format(until)}{(BanInForce ? string.Empty : "（已届满）")}"
        : "不限制申报";
}

/// <param name="IdNumber">The full ID number: the page is the signed-in office's.</param>
/// <param name="ActiveBanUntil">The latest ban in force today; null when none.</param>
public sealed record IntegrityPerson(string IdNumber, string Name, DateOnly? ActiveBanUntil, IReadOnlyList<IntegrityFindingRow> Findings);

public sealed record UnitOption(Guid Id, string Name);

/// <param name="DefaultBanUntil">The default ban's last day for a finding recorded today (three years).</param>
public sealed record IntegrityRecordView(
    string? Term,
    bool Searched,
    IReadOnlyList<IntegrityPerson> People,
    IReadOnlyList<UnitOption> Units,
    DateOnly Today,
    DateOnly DefaultBanUntil);

internal sealed class SearchIntegrityRecordHandler(IApplicationDbContext db, IUnitDirectory units, TimeProvider clock)
    : IHandler<SearchIntegrityRecord, IntegrityRecordView>
{
    /// <remarks>Two commands whatever the record holds: the entries of the people found, the units for the form.</remarks>
    public async Task<IntegrityRecordView> HandleAsync(SearchIntegrityRecord request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var today = BeijingTime.Today(clock);
        var term = request.Term?.Trim() ?? string.Empty;
        var entries = db.IntegrityRecordEntries.AsNoTracking();
        List<IntegrityRecordEntry> found;
        if (term.Length == 0)
        {
            // The people most recently recorded, each with every finding they have.
            var recent = entries.GroupBy(e => e.IdNumber)
                .Select(g => new { IdNumber = g.Key, Latest = g.Max(e => e.RecordedAt) })
                .OrderByDescending(g => g.Latest)
                .Take(SearchIntegrityRecord.MaxPeople)
                .Select(g => g.IdNumber);
            found = await entries.Where(e => recent.Contains(e.IdNumber)).ToListAsync(cancellationToken);
        }
        else
        {
            var number = IntegrityRecord.Normalize(term);
            var byName = entries.Where(e => e.PersonName.Contains(term)).Select(e => e.IdNumber);
            found = await entries.Where(e => e.IdNumber == number || byName.Contains(e.IdNumber)).ToListAsync(cancellationToken);
        }

        var people = found
            .GroupBy(e => e.IdNumber)
            .Select(g =>
            {
                var findings = g.OrderByDescending(e => e.RecordedAt)
                    .Select(e => new IntegrityFindingRow(e.Id, e.PersonName, e.UnitName, e.CaseId, e.Finding, e.BannedUntil, e.BansOn(today), e.RecordedAt, e.RecordedByName))
                    .ToList();
                return new IntegrityPerson(
                    g.Key,
                    findings[0].PersonName,
                    g.Where(e => e.BansOn(today)).Select(e => e.BannedUntil).Max(),
                    findings);
            })
            .OrderByDescending(p => p.Findings[0].RecordedAt)
            .Take(SearchIntegrityRecord.MaxPeople)
            .ToList();
        var unitOptions = (await units.ListAsync(cancellationToken)).Select(u => new UnitOption(u.Id, u.Name)).ToList();
        return new IntegrityRecordView(term.Length == 0 ? null : term, term.Length > 0, people, unitOptions, today, IntegrityRecordEntry.DefaultBanEnd(today));
    }
}

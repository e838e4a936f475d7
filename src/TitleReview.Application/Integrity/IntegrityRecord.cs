using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Integrity;

namespace TitleReview.Application.Integrity;

/// <summary>The integrity record behind <see cref="IIntegrityRecord"/>: its table is the Integrity module's own.</summary>
internal sealed class IntegrityRecord(IApplicationDbContext db, IUnitDirectory units, IOptions<OfficeContact> contact, TimeProvider clock) : IIntegrityRecord
{
    /// <summary>Who a case's finding is recorded by: the case's decision (the case's journal names the person).</summary>
    internal const string CaseDecisionBy = "integrity-case";

    internal const string CaseDecisionByName = "诚信案件处理决定";

    public async Task AddFindingAsync(IntegrityFindingToRecord finding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var unitName = finding.UnitId is { } unitId ? (await units.FindAsync(unitId, cancellationToken))?.Name : null;
        db.IntegrityRecordEntries.Add(IntegrityRecordEntry.Record(
            finding.IdNumber,
            finding.PersonName,
            finding.UnitId,
            unitName,
            finding.CaseId,
            finding.Finding,
            finding.BannedUntil,
            clock.GetUtcNow(),
            CaseDecisionBy,
            CaseDecisionByName));
    }

    public async Task<ActiveBan?> ActiveBanAsync(string idNumber, DateOnly today, CancellationToken cancellationToken = default)
    {
        var number = Normalize(idNumber);
        var ban = await db.IntegrityRecordEntries.AsNoTracking()
            .Where(e => e.IdNumber == number && e.BannedUntil != null && e.BannedUntil >= today)
            .OrderByDescending(e => e.BannedUntil)
            .Select(e => new { e.BannedUntil, e.Finding })
            .FirstOrDefaultAsync(cancellationToken);
        return ban is null ? null : new ActiveBan(ban.BannedUntil!.Value, ban.Finding, ContactText(contact.Value));
    }

    /// <summary>Whom a banned person is told to contact: the office's name and public phone.</summary>
    internal static string ContactText(OfficeContact office) => $"{office.Name}（{office.Phone}）";

    internal static string Normalize(string? idNumber) => (idNumber ?? string.Empty).Trim().ToUpperInvariant();
}

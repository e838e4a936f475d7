using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Common;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Integrity;

/// <summary>
/// The office records a finding by hand (for example academic misconduct reported elsewhere), with a
/// ban whose last day it sets (three years by default) or none.
/// </summary>
/// <param name="Ban">Whether the finding bans the person; <paramref name="BannedUntil"/> is then its last day.</param>
public sealed record AddIntegrityFinding(
    string? IdNumber,
    string? PersonName,
    Guid? UnitId,
    string? Finding,
    bool Ban,
    DateOnly? BannedUntil,
    WorkflowActor Actor);

internal sealed class AddIntegrityFindingHandler(IApplicationDbContext db, IUnitDirectory units, TimeProvider clock) : IHandler<AddIntegrityFinding, Guid>
{
    public async Task<Guid> HandleAsync(AddIntegrityFinding request, CancellationToken cancellationToken = default)
    {
        IntegrityAccess.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var v = new Validation();

        var idNumber = IdNumber.Validate(request.IdNumber, today);
        if (!idNumber.IsValid)
        {
            v.Add("idNumber", idNumber.Error);
        }

        var name = request.PersonName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            v.Add("personName", "请填写姓名。");
        }
        else if (name.Length > IntegrityRecordEntry.MaxNameLength)
        {
            v.Add("personName", $"姓名不能超过 {IntegrityRecordEntry.MaxNameLength} 个字。");
        }

        var unit = request.UnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        if (request.UnitId is not null && unit is null)
        {
            v.Add("unitId", "所选单位不存在，请重新选择。");
        }

        var stated = new IntegrityFindingIsStatedRule(request.Finding);
        v.Require(!stated.IsBroken(), "finding", stated.Message);

        DateOnly? bannedUntil = null;
        if (request.Ban)
        {
            if (request.BannedUntil is not { } until)
            {
                v.Add("bannedUntil", "请填写限制申报的截止日期（默认自今日起三年）。");
            }
            else
            {
                var ends = new BanEndsAfterTheFindingRule(until, today);
                v.Require(!ends.IsBroken(), "bannedUntil", ends.Message);
                bannedUntil = until;
            }
        }

        v.ThrowIfInvalid();
        var entry = IntegrityRecordEntry.Record(
            idNumber.Normalized!, name, unit?.Id, unit?.Name, caseId: null, request.Finding!, bannedUntil, now, request.Actor.Id, request.Actor.Name);
        db.IntegrityRecordEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Integrity;

/// <summary>The office's negative list (诚信负面清单): every unit ever put on it, newest first.</summary>
public sealed record GetNegativeList(WorkflowActor Actor);

public sealed record NegativeListRow(
    Guid Id,
    Guid UnitId,
    string UnitName,
    string Reason,
    string CorrectiveAction,
    DateOnly From,
    DateOnly To,
    DateOnly LastDay,
    DateOnly? EndedOn,
    string? EndNote,
    string? EndedByName,
    DateTimeOffset ListedAt,
    string ListedByName,
    DateTimeOffset? PublishedAt,
    DateOnly? PublishedUntil,
    bool InForce,
    bool MayEnd)
{
    public string PeriodText => $"{IntegrityDates.Format(From)} 至 {IntegrityDates.Format(To)}";

    public string StatusText(DateOnly today) => EndedOn is { } ended
        ? $"已于 {IntegrityDates.Format(ended)} 提前移出"
        : InForce ? "列入期间" : From > today ? "尚未开始" : "已届满";
}

public sealed record NegativeListView(IReadOnlyList<NegativeListRow> Entries, IReadOnlyList<UnitOption> Units, DateOnly Today);

/// <summary>The office puts a unit on the negative list with the reason, the period and the corrective action.</summary>
public sealed record PutUnitOnNegativeList(Guid? UnitId, string? Reason, string? CorrectiveAction, DateOnly? From, DateOnly? To, WorkflowActor Actor);

/// <summary>The office ends a listing early (for example once the unit has corrected), with a note.</summary>
public sealed record EndNegativeListing(Guid EntryId, string? Note, WorkflowActor Actor);

/// <summary>The office publishes a listing: the public list shows it until <paramref name="Until"/>.</summary>
public sealed record PublishNegativeListing(Guid EntryId, DateOnly? Until, WorkflowActor Actor);

/// <summary>The published negative list anyone may read: unit, reason, period. No person is named.</summary>
public sealed record GetPublicNegativeList;

public sealed record PublicNegativeListRow(string UnitName, string Reason, DateOnly From, DateOnly To, DateOnly? EndedOn, bool InForce)
{
    public string PeriodText => $"{IntegrityDates.Format(From)} 至 {IntegrityDates.Format(To)}";
}

public sealed record PublicNegativeListView(IReadOnlyList<PublicNegativeListRow> Entries, DateOnly Today);

internal sealed class GetNegativeListHandler(IApplicationDbContext db, IUnitDirectory units, TimeProvider clock) : IHandler<GetNegativeList, NegativeListView>
{
    public async Task<NegativeListView> HandleAsync(GetNegativeList request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var today = BeijingTime.Today(clock);
        var entries = await db.NegativeListEntries.AsNoTracking().OrderByDescending(e => e.ListedAt).ToListAsync(cancellationToken);
        var unitOptions = (await units.ListAsync(cancellationToken)).Select(u => new UnitOption(u.Id, u.Name)).ToList();
        return new NegativeListView(
            [.. entries.Select(e => new NegativeListRow(
                e.Id, e.UnitId, e.UnitName, e.Reason, e.CorrectiveAction, e.From, e.To, e.LastDay, e.EndedOn, e.EndNote, e.EndedByName,
                e.ListedAt, e.ListedByName, e.PublishedAt, e.PublishedUntil, e.InForceOn(today),
                !new NegativeListEndsEarlyOnlyWhileNotOverRule(e, today).IsBroken()))],
            unitOptions,
            today);
    }
}

internal sealed class PutUnitOnNegativeListHandler(IApplicationDbContext db, IUnitDirectory units, TimeProvider clock) : IHandler<PutUnitOnNegativeList, Guid>
{
    public async Task<Guid> HandleAsync(PutUnitOnNegativeList request, CancellationToken cancellationToken = default)
    {
        IntegrityAccess.RequireOffice(request.Actor);
        var v = new Validation();
        var unit = request.UnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        if (request.UnitId is null)
        {
            v.Add("unitId", "请选择单位。");
        }
        else if (unit is null)
        {
            v.Add("unitId", "所选单位不存在，请重新选择。");
        }

        var reason = new NegativeListReasonRequiredRule(request.Reason);
        v.Require(!reason.IsBroken(), "reason", reason.Message);
        var action = new NegativeListCorrectiveActionRequiredRule(request.CorrectiveAction);
        v.Require(!action.IsBroken(), "correctiveAction", action.Message);
        v.Require(request.From is not null, "from", "请填写列入期限的开始日期。");
        v.Require(request.To is not null, "to", "请填写列入期限的结束日期。");
        if (request.From is { } from && request.To is { } to)
        {
            var period = new NegativeListPeriodEndsAfterStartRule(from, to);
            v.Require(!period.IsBroken(), "to", period.Message);
        }

        v.ThrowIfInvalid();
        var entry = NegativeListEntry.Put(
            unit!.Id, unit.Name, request.Reason, request.CorrectiveAction, request.From!.Value, request.To!.Value, clock.GetUtcNow(), request.Actor.Id, request.Actor.Name);
        db.NegativeListEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}

internal sealed class EndNegativeListingHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<EndNegativeListing, Guid>
{
    public async Task<Guid> HandleAsync(EndNegativeListing request, CancellationToken cancellationToken = default)
    {
        IntegrityAccess.RequireOffice(request.Actor);
        var note = new NegativeListEarlyEndHasANoteRule(request.Note);
        new Validation().Require(!note.IsBroken(), "note", note.Message).ThrowIfInvalid();
        var entry = await db.NegativeListEntries.FirstOrDefaultAsync(e => e.Id == request.EntryId, cancellationToken)
            ?? throw new NotFoundException("该诚信负面清单记录");
        entry.EndEarly(request.Note, clock.GetUtcNow(), request.Actor.Name);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}

internal sealed class PublishNegativeListingHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<PublishNegativeListing, Guid>
{
    public async Task<Guid> HandleAsync(PublishNegativeListing request, CancellationToken cancellationToken = default)
    {
        IntegrityAccess.RequireOffice(request.Actor);
        var entry = await db.NegativeListEntries.FirstOrDefaultAsync(e => e.Id == request.EntryId, cancellationToken)
            ?? throw new NotFoundException("该诚信负面清单记录");
        var v = new Validation();
        if (request.Until is not { } until)
        {
            v.Add("until", "请填写公布截止日期。");
        }
        else
        {
            var rule = new NegativeListPublishedAtLeastForItsPeriodRule(entry.LastDay, until);
            v.Require(!rule.IsBroken(), "until", rule.Message);
        }

        v.ThrowIfInvalid();
        entry.Publish(request.Until!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}

internal sealed class GetPublicNegativeListHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<GetPublicNegativeList, PublicNegativeListView>
{
    /// <remarks>One command: the published entries whose publication lasts today.</remarks>
    public async Task<PublicNegativeListView> HandleAsync(GetPublicNegativeList request, CancellationToken cancellationToken = default)
    {
        var today = BeijingTime.Today(clock);
        var rows = await db.NegativeListEntries.AsNoTracking()
            .Where(e => e.PublishedAt != null && e.PublishedUntil != null && e.PublishedUntil >= today)
            .OrderByDescending(e => e.From)
            .ThenBy(e => e.UnitName)
            .Select(e => new { e.UnitName, e.Reason, e.From, e.To, e.LastDay, e.EndedOn })
            .ToListAsync(cancellationToken);
        return new PublicNegativeListView(
            [.. rows.Select(r => new PublicNegativeListRow(r.UnitName, r.Reason, r.From, r.To, r.EndedOn, r.From <= today && today <= r.LastDay))],
            today);
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee.Defense;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Defense;

/// <summary>The office's defense page (答辩安排): sessions, slots, the seniors still to schedule, and on the day attendance, scores and conclusions.</summary>
public sealed record GetDefenseOffice(int? Year, WorkflowActor Actor);

public sealed record PanelExpert(Guid ExpertId, string Name);

public sealed record DefenseScoreLine(string ExpertName, int Score, string Opinion);

/// <param name="Standing">"待答辩", "已出席", "缺席" or "未公布".</param>
public sealed record DefenseSlotLine(
    Guid ApplicationId,
    string Name,
    string UnitName,
    DateTimeOffset At,
    string Standing,
    bool MayRecord,
    bool MayCorrect,
    IReadOnlyList<DefenseScoreLine> Scores,
    bool? Qualified,
    string? ConclusionText)
{
    public string Conclusion => Qualified switch { true => "合格", false => "不合格", _ => string.Empty };
}

public sealed record DefenseSessionLine(Guid Id, DateTimeOffset StartsAt, string Place, IReadOnlyList<PanelExpert> Panel, IReadOnlyList<DefenseSlotLine> Slots);

public sealed record SeniorToSchedule(Guid ApplicationId, string Name, string UnitName);

/// <param name="LatestPublication">The last instant the schedule may be published (the first session minus the notice); null without sessions.</param>
public sealed record DefenseOfficeView(
    int Year,
    IReadOnlyList<int> Years,
    string WindowText,
    bool WindowOpen,
    int NoticeDays,
    DateTimeOffset? LatestPublication,
    DateTimeOffset? PublishedAt,
    string? PublishedByName,
    IReadOnlyList<PanelExpert> Experts,
    IReadOnlyList<DefenseSessionLine> Sessions,
    IReadOnlyList<SeniorToSchedule> Unscheduled)
{
    public bool Published => PublishedAt is not null;
}

/// <summary>The public page (答辩安排公告): every published schedule, its sessions and candidates by name and unit only.</summary>
public sealed record GetPublicDefenseSchedules;

public sealed record PublicDefenseCandidate(string Name, string UnitName, DateTimeOffset At);

public sealed record PublicDefenseSession(DateTimeOffset StartsAt, string Place, IReadOnlyList<PublicDefenseCandidate> Candidates);

public sealed record PublicDefenseSchedule(int Year, DateTimeOffset PublishedAt, IReadOnlyList<PublicDefenseSession> Sessions);

/// <summary>The panel expert's page: the sessions they sit on and, per attended candidate, their own score and opinion.</summary>
public sealed record GetExpertDefense(int? Year, WorkflowActor Actor);

public sealed record ExpertDefenseCandidate(Guid ApplicationId, string Name, string UnitName, DateTimeOffset At, bool Attended, bool Concluded, int? Score, string? Opinion);

public sealed record ExpertDefenseSession(DateTimeOffset StartsAt, string Place, IReadOnlyList<ExpertDefenseCandidate> Candidates);

/// <param name="Seated">The expert sits on the year's committee.</param>
/// <param name="Pledged">They accepted the year's pledge: until then the page sends them to it.</param>
public sealed record ExpertDefenseView(int Year, bool Seated, bool Pledged, IReadOnlyList<ExpertDefenseSession> Sessions);

internal sealed class GetDefenseOfficeHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    ICurrentCampaign current,
    TimeProvider clock) : IHandler<GetDefenseOffice, DefenseOfficeView>
{
    public async Task<DefenseOfficeView> HandleAsync(GetDefenseOffice request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var years = await current.YearsAsync(cancellationToken);
        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.Defense, cancellationToken);
        if (campaign is null)
        {
            return new DefenseOfficeView(request.Year ?? BeijingTime.DateOf(now).Year, years, string.Empty, false, CommitteeTerms.Default.DefenseNoticeDays, null, null, null, [], [], []);
        }

        var window = CampaignWindow.Of(campaign, StageKeys.Defense, now);
        var schedule = await db.DefenseSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.CampaignId == campaign.Id, cancellationToken);
        var seniors = await DefenseAccess.SeniorsAsync(db, definitions, campaign.Id, cancellationToken);
        var experts = await DefenseAccess.PanelExpertsAsync(db, campaign.Id, cancellationToken);
        var scores = await db.DefenseScores.AsNoTracking().Where(s => s.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var scorers = await db.Experts.AsNoTracking().Where(e => scores.Select(s => s.ExpertId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var unitNames = await DefenseAccess.UnitNamesAsync(units, seniors.Select(s => s.UnitId), cancellationToken);
        var byApplication = seniors.ToDictionary(s => s.ApplicationId);
        var noticeDays = campaign.CommitteeTerms.DefenseNoticeDays;

        DefenseSlotLine Line(DefenseSlot slot)
        {
            var senior = byApplication.GetValueOrDefault(slot.ApplicationId);
            bool May(string operation) => window.IsOpen && slot.ConcludedAt is null && senior is not null
                && definitions.Get(senior.DefinitionId, senior.DefinitionVersion).TransitionFor(operation, senior.State) is not null;
            var standing = senior is null ? "已结束"
                : senior.Means(definitions, StateCapabilities.DefenseHeld) ? "已出席"
                : senior.Means(definitions, StateCapabilities.DefenseAbsent) ? "缺席"
                : senior.Means(definitions, StateCapabilities.DefenseScheduled) ? "待答辩"
                : "未公布";
            return new DefenseSlotLine(
                slot.ApplicationId,
                senior?.Name ?? string.Empty,
                senior is null ? string.Empty : unitNames.GetValueOrDefault(senior.UnitId, string.Empty),
                slot.At,
                standing,
                May(WorkflowOperations.RecordDefenseAttended),
                May(WorkflowOperations.CorrectDefenseAttendance),
                [.. scores.Where(s => s.ApplicationId == slot.ApplicationId).Select(s => new DefenseScoreLine(scorers.GetValueOrDefault(s.ExpertId, string.Empty), s.Score, s.Opinion)).OrderBy(s => s.ExpertName, StringComparer.Ordinal)],
                slot.Qualified,
                slot.ConclusionText);
        }

        var sessions = schedule?.Sessions
            .Select(s => new DefenseSessionLine(
                s.Id,
                s.StartsAt,
                s.Place,
                [.. s.Panel.Select(e => new PanelExpert(e, experts.GetValueOrDefault(e, string.Empty)))],
                [.. schedule.SlotsOf(s.Id).Select(Line)]))
            .ToList() ?? [];
        var unscheduled = seniors
            .Where(s => s.AwaitsSchedule(definitions) && schedule?.SlotOf(s.ApplicationId) is null)
            .Select(s => new SeniorToSchedule(s.ApplicationId, s.Name, unitNames.GetValueOrDefault(s.UnitId, string.Empty)))
            .ToList();
        DateTimeOffset? latest = sessions.Count == 0 ? null : sessions.Min(s => s.StartsAt).AddDays(-noticeDays);
        return new DefenseOfficeView(
            campaign.Year,
            years,
            $"{BeijingTime.DateOf(window.OpensAt):yyyy年M月d日}至{BeijingTime.DateOf(window.LastSecond):M月d日}",
            window.IsOpen,
            noticeDays,
            latest,
            schedule?.PublishedAt,
            schedule?.PublishedByName,
            [.. experts.Select(e => new PanelExpert(e.Key, e.Value))],
            sessions,
            unscheduled);
    }
}

internal sealed class GetPublicDefenseSchedulesHandler(IApplicationDbContext db, IUnitDirectory units) : IHandler<GetPublicDefenseSchedules, IReadOnlyList<PublicDefenseSchedule>>
{
    public async Task<IReadOnlyList<PublicDefenseSchedule>> HandleAsync(GetPublicDefenseSchedules request, CancellationToken cancellationToken = default)
    {
        var schedules = await (
                from schedule in db.DefenseSchedules.AsNoTracking()
                join campaign in db.Campaigns.AsNoTracking() on schedule.CampaignId equals campaign.Id
                where schedule.PublishedAt != null
                orderby campaign.Year descending
                select new { schedule, campaign.Year })
            .ToListAsync(cancellationToken);
        var ids = schedules.SelectMany(s => s.schedule.Slots.Select(x => x.ApplicationId)).ToList();
        var people = await db.TitleApplications.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new { a.ApplicantName, a.UnitId }, cancellationToken);
        var unitNames = await DefenseAccess.UnitNamesAsync(units, people.Values.Select(p => p.UnitId), cancellationToken);
        return schedules
            .Select(s => new PublicDefenseSchedule(
                s.Year,
                s.schedule.PublishedAt!.Value,
                [.. s.schedule.Sessions.Select(session => new PublicDefenseSession(
                    session.StartsAt,
                    session.Place,
                    [.. s.schedule.SlotsOf(session.Id)
                        .Where(slot => people.ContainsKey(slot.ApplicationId))
                        .Select(slot => new PublicDefenseCandidate(people[slot.ApplicationId].ApplicantName, unitNames.GetValueOrDefault(people[slot.ApplicationId].UnitId, string.Empty), slot.At))]))]))
            .ToList();
    }
}

internal sealed class GetExpertDefenseHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    ICurrentCampaign current,
    ICommitteeSeats seats,
    TimeProvider clock) : IHandler<GetExpertDefense, ExpertDefenseView>
{
    public async Task<ExpertDefenseView> HandleAsync(GetExpertDefense request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Expert))
        {
            throw new ForbiddenAccessException("只有评委可以查看答辩评分。");
        }

        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.Defense, cancellationToken);
        var year = campaign?.Year ?? request.Year ?? BeijingTime.DateOf(clock.GetUtcNow()).Year;
        var seat = campaign is null ? null : await seats.SeatAsync(request.Actor.Id, campaign.Id, cancellationToken);
        if (campaign is null || seat is null)
        {
            return new ExpertDefenseView(year, false, false, []);
        }

        if (!seat.Pledged)
        {
            return new ExpertDefenseView(year, true, false, []);
        }

        var schedule = await db.DefenseSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.CampaignId == campaign.Id && s.PublishedAt != null, cancellationToken);
        if (schedule is null)
        {
            return new ExpertDefenseView(year, true, true, []);
        }

        var recused = await seats.RecusalsAsync(seat.ExpertId, campaign.Id, cancellationToken);
        var mine = schedule.Sessions.Where(s => s.Panel.Contains(seat.ExpertId)).ToList();
        var slots = mine.SelectMany(s => schedule.SlotsOf(s.Id)).Where(s => !recused.ContainsKey(s.ApplicationId)).ToList();
        var seniors = (await DefenseAccess.SeniorsAsync(db, definitions, campaign.Id, cancellationToken)).ToDictionary(s => s.ApplicationId);
        var scores = await db.DefenseScores.AsNoTracking()
            .Where(s => s.ExpertId == seat.ExpertId && s.CampaignId == campaign.Id)
            .ToDictionaryAsync(s => s.ApplicationId, cancellationToken);
        var unitNames = await DefenseAccess.UnitNamesAsync(units, seniors.Values.Select(s => s.UnitId), cancellationToken);
        ExpertDefenseCandidate Candidate(DefenseSlot slot)
        {
            var senior = seniors.GetValueOrDefault(slot.ApplicationId);
            var score = scores.GetValueOrDefault(slot.ApplicationId);
            return new ExpertDefenseCandidate(
                slot.ApplicationId,
                senior?.Name ?? string.Empty,
                senior is null ? string.Empty : unitNames.GetValueOrDefault(senior.UnitId, string.Empty),
                slot.At,
                senior?.Means(definitions, StateCapabilities.DefenseHeld) == true,
                slot.ConcludedAt is not null,
                score?.Score,
                score?.Opinion);
        }

        return new ExpertDefenseView(
            year,
            true,
            true,
            [.. mine.Select(s => new ExpertDefenseSession(s.StartsAt, s.Place, [.. slots.Where(x => x.SessionId == s.Id).Select(Candidate)]))]);
    }
}

using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Defense;

/// <summary>
/// 公布答辩安排: the office announces the year's defense schedule. Refused when the first session
/// is less than the campaign's notice (<c>CommitteeTerms.DefenseNoticeDays</c>) away. Each scheduled
/// senior moves to DefenseScheduled, and each candidate and their unit's auditors hear the date,
/// time and place. One transaction.
/// </summary>
public sealed record PublishDefenseSchedule(int Year, WorkflowActor Actor);

public sealed record DefenseSchedulePublished(int Sessions, int Candidates);

internal sealed class PublishDefenseScheduleHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    IPersonDirectory people,
    IMessageOutbox outbox,
    ISiteLinks links,
    TimeProvider clock) : IHandler<PublishDefenseSchedule, DefenseSchedulePublished>
{
    public async Task<DefenseSchedulePublished> HandleAsync(PublishDefenseSchedule request, CancellationToken cancellationToken = default)
    {
        DefenseAccess.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var campaign = await DefenseAccess.CampaignAsync(db, request.Year, cancellationToken);
        var schedule = await DefenseAccess.ScheduleAsync(db, campaign.Id, cancellationToken);
        var seniors = await DefenseAccess.SeniorsAsync(db, definitions, campaign.Id, cancellationToken);
        var waiting = seniors.Where(s => s.AwaitsSchedule(definitions)).ToList();
        var unscheduled = waiting.Where(s => schedule.SlotOf(s.ApplicationId) is null).Select(s => s.Name).ToList();
        schedule.Publish(campaign.CommitteeTerms.DefenseNoticeDays, unscheduled, now, request.Actor.Name);

        var scheduled = waiting.Where(s => schedule.SlotOf(s.ApplicationId) is not null).ToList();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var senior in scheduled)
        {
            await engine.PerformAsync(new PerformRequest(senior.InstanceId, WorkflowOperations.PublishDefenseSchedule, request.Actor, Appointment(schedule, senior.ApplicationId)), cancellationToken);
        }

        await NotifyAsync(campaign.Year, schedule, scheduled, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DefenseSchedulePublished(schedule.Sessions.Count, scheduled.Count);
    }

    /// <summary>The candidate's time and place in words, as the journal row and the messages say it.</summary>
    internal static string Appointment(Domain.Applications.Committee.Defense.DefenseSchedule schedule, Guid applicationId)
    {
        var slot = schedule.SlotOf(applicationId)!;
        var session = schedule.Session(slot.SessionId)!;
        return $"答辩时间：{DefenseText.When(slot.At)}；地点：{session.Place}";
    }

    /// <summary>Each candidate hears their own time and place; each unit's auditors hear their candidates' (names, times, places: nothing more).</summary>
    private async Task NotifyAsync(int year, Domain.Applications.Committee.Defense.DefenseSchedule schedule, IReadOnlyList<SeniorCase> scheduled, CancellationToken cancellationToken)
    {
        var applicants = await people.RecipientsAsync([.. scheduled.Select(s => s.ApplicantUserId).Distinct()], cancellationToken);
        var auditors = await people.AuditorsAsync([.. scheduled.Select(s => s.UnitId).Distinct()], cancellationToken);
        var unitNames = await DefenseAccess.UnitNamesAsync(units, scheduled.Select(s => s.UnitId), cancellationToken);
        var page = links.Absolute("/Defense");
        var subject = $"{year}年度高级政工师答辩安排";
        foreach (var senior in scheduled)
        {
            if (applicants.TryGetValue(senior.ApplicantUserId, out var applicant))
            {
                outbox.Enqueue(applicant, new OutgoingMessage("答辩安排", subject, $"{senior.Name}：请按时参加高级政工师答辩。{Appointment(schedule, senior.ApplicationId)}。答辩安排见 {page}。"));
            }
        }

        foreach (var unit in scheduled.GroupBy(s => s.UnitId))
        {
            var lines = string.Join("；", unit.Select(s => $"{s.Name}（{Appointment(schedule, s.ApplicationId)}）"));
            foreach (var auditor in auditors[unit.Key])
            {
                outbox.Enqueue(auditor, new OutgoingMessage("答辩安排", subject, $"{auditor.Name}：{unitNames.GetValueOrDefault(unit.Key)}的高级政工师申报人答辩安排已公布：{lines}。请通知其按时参加。答辩安排见 {page}。"));
            }
        }
    }
}

/// <summary>How the defense's times read (Beijing time).</summary>
public static class DefenseText
{
    public static string When(DateTimeOffset at) =>
        BeijingTime.ToBeijing(at).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) =>
        BeijingTime.ToBeijing(at).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) =>
        BeijingTime.ToBeijing(at).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

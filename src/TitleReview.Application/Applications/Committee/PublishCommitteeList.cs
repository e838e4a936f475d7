using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee;

/// <summary>
/// The office publishes the year's committee list (送评委会评审人员名单) on the public site from
/// <paramref name="FirstDay"/> for <paramref name="WorkingDays"/> working days, and every case
/// moves at once: the eligible to the committee, the others off the list with the rule's reason.
/// A case whose originals did not match stays where it is until the integrity decision.
/// </summary>
public sealed record PublishCommitteeList(int Year, DateOnly? FirstDay, int? WorkingDays, string? Title, WorkflowActor Actor)
{
    public static string DefaultTitle(int year) => $"{year}年度贵州省政工专业职务任职资格送评审委员会评审人员名单公示";
}

public sealed record CommitteeListPublished(Guid PublicityId, string Title, string PeriodText, int OnList, int NotOnList, int Blocked);

internal sealed class PublishCommitteeListHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    IPersonDirectory people,
    IMessageOutbox outbox,
    ISiteLinks links,
    WorkingDayCalendar calendar,
    TimeProvider clock) : IHandler<PublishCommitteeList, CommitteeListPublished>
{
    public async Task<CommitteeListPublished> HandleAsync(PublishCommitteeList request, CancellationToken cancellationToken = default)
    {
        CommitteeListAccess.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var (firstDay, workingDays, title) = PublicityPeriodInput.Check(request.FirstDay, request.WorkingDays, request.Title, PublishCommitteeList.DefaultTitle(request.Year), calendar, now);

        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度的评审");
        var existing = await db.PublicPublicities.AsNoTracking()
            .FirstOrDefaultAsync(p => p.CampaignId == campaign.Id && p.Kind == PublicPublicityKind.CommitteeList, cancellationToken);
        var draw = await CommitteeListPublication.DrawStatusAsync(db, campaign.Id, cancellationToken);
        var cases = await CommitteeCases.OfCampaignAsync(db, definitions, campaign.Id, null, cancellationToken);
        var cards = await units.FindAllAsync([.. cases.Select(c => c.UnitId).Distinct()], cancellationToken);
        var compiled = CommitteeCases.Compile(cases, definitions);
        foreach (var rule in CommitteeListPublication.Rules(existing, draw, compiled, cards))
        {
            if (rule.IsBroken())
            {
                throw new BusinessRuleViolationException(rule);
            }
        }

        // Only the cases the publication can move: a mismatch waits for the integrity decision, and
        // a case still awaiting its papers was never part of the preliminary review.
        var moving = compiled
            .Where(x => !x.Verdict.Blocked && x.Definition.TransitionFor(WorkflowOperations.PublishCommitteeList, x.Case.State) is not null)
            .ToList();
        var publicity = PublicPublicity.Publish(campaign.Id, PublicPublicityKind.CommitteeList, title, firstDay, workingDays, calendar, now, request.Actor.Id, request.Actor.Name);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        db.PublicPublicities.Add(publicity);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (c, _, verdict) in moving)
        {
            await engine.PerformAsync(new PerformRequest(c.InstanceId, WorkflowOperations.PublishCommitteeList, request.Actor, verdict.Reason), cancellationToken);
        }

        await NotifyAsync(publicity, moving.Select(m => (m.Case, m.Verdict.OnList)).ToList(), cards, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var on = moving.Count(m => m.Verdict.OnList);
        return new CommitteeListPublished(publicity.Id, publicity.Title, publicity.PeriodText, on, moving.Count - on, compiled.Count(x => x.Verdict.Blocked));
    }

    /// <summary>
    /// Each applicant learns whether they are on the list, each unit's auditors how many of theirs
    /// are. E-mail and SMS carry no reasons: those are read after signing in.
    /// </summary>
    private async Task NotifyAsync(PublicPublicity publicity, IReadOnlyList<(CommitteeCase Case, bool OnList)> moved, IReadOnlyDictionary<Guid, UnitCard> cards, CancellationToken cancellationToken)
    {
        var applicants = await people.RecipientsAsync([.. moved.Select(m => m.Case.ApplicantUserId).Distinct()], cancellationToken);
        var auditors = await people.AuditorsAsync([.. moved.Select(m => m.Case.UnitId).Distinct()], cancellationToken);
        var site = links.Absolute("/Account/Login");
        var page = links.Absolute($"/Publicity/{publicity.Id}");
        foreach (var (c, onList) in moved)
        {
            if (!applicants.TryGetValue(c.ApplicantUserId, out var applicant))
            {
                continue;
            }

            var body = onList
                ? $"{c.ApplicantName}：{publicity.Title}已发布，{publicity.PeriodText}。您已列入送评委会评审人员名单，名单见 {page}。"
                : $"{c.ApplicantName}：{publicity.Title}已发布，{publicity.PeriodText}。您未列入送评人员名单，原因请登录系统查看（{site}）。";
            outbox.Enqueue(applicant, new OutgoingMessage("送评名单公示", publicity.Title, body));
        }

        foreach (var unit in moved.GroupBy(m => m.Case.UnitId))
        {
            var on = unit.Count(m => m.OnList);
            var unitName = cards.GetValueOrDefault(unit.Key)?.Name ?? string.Empty;
            foreach (var auditor in auditors[unit.Key])
            {
                outbox.Enqueue(auditor, new OutgoingMessage(
                    "送评名单公示",
                    publicity.Title,
                    $"{auditor.Name}：{publicity.Title}已发布，{publicity.PeriodText}。{unitName}列入送评名单 {on} 人、未列入 {unit.Count() - on} 人，详情请登录系统查看（{site}）。"));
            }
        }
    }
}

/// <summary>The rules that refuse a publication, in the order the office should clear them.</summary>
internal static class CommitteeListPublication
{
    /// <summary>Where the campaign's spot check draw stands; null when the office defined none.</summary>
    public static Task<SpotCheckDrawStatus?> DrawStatusAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        db.SpotCheckDraws.AsNoTracking().Where(d => d.CampaignId == campaignId).Select(d => (SpotCheckDrawStatus?)d.Status).FirstOrDefaultAsync(cancellationToken);

    public static IReadOnlyList<IBusinessRule> Rules(
        PublicPublicity? existing,
        SpotCheckDrawStatus? draw,
        IReadOnlyList<CompiledCase> compiled,
        IReadOnlyDictionary<Guid, UnitCard> cards)
    {
        var all = compiled.Where(x => x.Case.PublishedState is null).ToList();
        IReadOnlyList<PendingAtUnit> PendingWith(string capability) => all
            .Where(x => x.Definition.Has(x.Case.State, capability))
            .GroupBy(x => x.Case.UnitId)
            .Select(g => new PendingAtUnit(cards.GetValueOrDefault(g.Key)?.Name ?? "未知单位", g.Count()))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        return
        [
            new OneCommitteeListPerCampaignRule(existing),
            new CommitteeListAfterTheAnnouncedDrawRule(draw),
            new NoSupplementAwaitingReviewRule(PendingWith(StateCapabilities.SupplementAwaitingReview)),
            new NoSpotCheckPendingRule(PendingWith(StateCapabilities.SpotCheckPending)),
            new CommitteeListHasSomeoneEligibleRule(all.Count(x => x.Verdict.OnList)),
        ];
    }
}

internal static class CommitteeListAccess
{
    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Domain.Identity.Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以管理送评名单。");
        }
    }
}

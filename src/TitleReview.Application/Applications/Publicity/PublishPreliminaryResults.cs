using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Publicity;

/// <summary>
/// The office publishes the campaign's preliminary results (初审结果公示) on the public site: from
/// <paramref name="FirstDay"/> for <paramref name="WorkingDays"/> working days (5 unless the office
/// changes it), under <paramref name="Title"/> (the default title when empty). Every decided case
/// moves into the publicity at once; undecided ones stop it.
/// </summary>
public sealed record PublishPreliminaryResults(int Year, DateOnly? FirstDay, int? WorkingDays, string? Title, WorkflowActor Actor)
{
    public const int MaxTitleLength = PublicityPeriodInput.MaxTitleLength;

    public const int MaxWorkingDays = PublicityPeriodInput.MaxWorkingDays;

    public static string DefaultTitle(int year) => $"{year}年度贵州省政工专业职务任职资格初审结果公示";
}

public sealed record PreliminaryResultsPublished(Guid PublicityId, string Title, DateOnly FirstDay, DateOnly LastDay, string PeriodText, int Passed, int Failed);

internal sealed class PublishPreliminaryResultsHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    IPersonDirectory people,
    IMessageOutbox outbox,
    ISiteLinks links,
    WorkingDayCalendar calendar,
    TimeProvider clock) : IHandler<PublishPreliminaryResults, PreliminaryResultsPublished>
{
    public async Task<PreliminaryResultsPublished> HandleAsync(PublishPreliminaryResults request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以公示初审结果。");
        }

        var now = clock.GetUtcNow();
        var (firstDay, workingDays, title) = PublicityPeriodInput.Check(request.FirstDay, request.WorkingDays, request.Title, PublishPreliminaryResults.DefaultTitle(request.Year), calendar, now);

        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度的评审");
        var existing = await db.PublicPublicities.AsNoTracking()
            .FirstOrDefaultAsync(p => p.CampaignId == campaign.Id && p.Kind == PublicPublicityKind.PreliminaryResults, cancellationToken);
        var cases = await PreliminaryCases.OfCampaign(db, definitions, campaign.Id).ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync([.. cases.Select(c => c.UnitId).Distinct()], cancellationToken);
        var undecided = cases.Where(c => c.Undecided)
            .GroupBy(c => c.UnitId)
            .Select(g => new UndecidedAtUnit(cards.GetValueOrDefault(g.Key)?.Name ?? "未知单位", g.Count()))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        var decided = cases.Where(c => c.Decided).ToList();
        Check(new OnePreliminaryPublicityPerCampaignRule(existing));
        Check(new PreliminaryResultsAllDecidedRule(undecided));
        Check(new PreliminaryResultsHaveADecisionRule(decided.Count));

        var publicity = PublicPublicity.Publish(campaign.Id, PublicPublicityKind.PreliminaryResults, title, firstDay, workingDays, calendar, now, request.Actor.Id, request.Actor.Name);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        db.PublicPublicities.Add(publicity);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var decision in decided)
        {
            await engine.PerformAsync(new PerformRequest(decision.InstanceId, WorkflowOperations.PublishPreliminaryResults, request.Actor, $"{publicity.Title}，{publicity.PeriodText}"), cancellationToken);
        }

        await NotifyAsync(publicity, decided, cards, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var passed = decided.Count(d => d.Passed);
        return new PreliminaryResultsPublished(publicity.Id, publicity.Title, publicity.FirstDay, publicity.LastDay, publicity.PeriodText, passed, decided.Count - passed);
    }

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }

    /// <summary>
    /// Each applicant learns the result is out and where to read it, and each unit's auditor how
    /// many of its people passed. E-mail and SMS carry no reasons: those are read after signing in.
    /// </summary>
    private async Task NotifyAsync(PublicPublicity publicity, IReadOnlyList<PreliminaryCase> decided, IReadOnlyDictionary<Guid, UnitCard> cards, CancellationToken cancellationToken)
    {
        var applicants = await people.RecipientsAsync([.. decided.Select(d => d.ApplicantUserId).Distinct()], cancellationToken);
        var auditors = await people.AuditorsAsync([.. decided.Select(d => d.UnitId).Distinct()], cancellationToken);
        var site = links.Absolute("/Account/Login");
        var page = links.Absolute($"/Publicity/{publicity.Id}");
        foreach (var decision in decided)
        {
            if (!applicants.TryGetValue(decision.ApplicantUserId, out var applicant))
            {
                continue;
            }

            var body = decision.Passed
                ? $"{decision.ApplicantName}：{publicity.Title}已发布，{publicity.PeriodText}。您的初审结果为通过。公示内容见 {page}。"
                : $"{decision.ApplicantName}：{publicity.Title}已发布，{publicity.PeriodText}。您的初审结果为未通过，原因请登录系统查看（{site}）；公示期内可在系统中提交补充材料。";
            outbox.Enqueue(applicant, new OutgoingMessage("初审结果公示", publicity.Title, body));
        }

        foreach (var unit in decided.GroupBy(d => d.UnitId))
        {
            var passed = unit.Count(d => d.Passed);
            var failed = unit.Count() - passed;
            var unitName = cards.GetValueOrDefault(unit.Key)?.Name ?? string.Empty;
            foreach (var auditor in auditors[unit.Key])
            {
                outbox.Enqueue(auditor, new OutgoingMessage(
                    "初审结果公示",
                    publicity.Title,
                    $"{auditor.Name}：{publicity.Title}已发布，{publicity.PeriodText}。{unitName}初审通过 {passed} 人、未通过 {failed} 人，详情请登录系统查看（{site}）。公示结束后请在系统中填报公示结果反馈。"));
            }
        }
    }
}

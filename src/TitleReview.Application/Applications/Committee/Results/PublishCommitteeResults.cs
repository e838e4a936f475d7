using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Results;

/// <summary>
/// The office publishes the committee's results (评审结果公示) on the public site from
/// <paramref name="FirstDay"/> for <paramref name="WorkingDays"/> working days (the campaign's
/// committee terms give the default and the minimum), and each unit with candidates in the results
/// starts its report-back, due by the results stage's close.
/// </summary>
public sealed record PublishCommitteeResults(int Year, DateOnly? FirstDay, int? WorkingDays, string? Title, WorkflowActor Actor)
{
    public static string DefaultTitle(int year) => $"{year}年度贵州省政工专业职务任职资格评审结果公示";
}

public sealed record CommitteeResultsPublished(Guid PublicityId, string Title, string PeriodText, int Passed, int Failed, int Units);

internal sealed class PublishCommitteeResultsHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    ICommitteeResults results,
    IUnitDirectory units,
    IPersonDirectory people,
    IMessageOutbox outbox,
    ISiteLinks links,
    WorkingDayCalendar calendar,
    TimeProvider clock) : IHandler<PublishCommitteeResults, CommitteeResultsPublished>
{
    public async Task<CommitteeResultsPublished> HandleAsync(PublishCommitteeResults request, CancellationToken cancellationToken = default)
    {
        CommitteeResultLines.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度的评审");
        var minimum = campaign.CommitteeTerms.ResultsPublicityWorkingDays;
        var days = request.WorkingDays ?? minimum;
        var (firstDay, workingDays, title) = PublicityPeriodInput.Check(
            request.FirstDay, days, request.Title, PublishCommitteeResults.DefaultTitle(request.Year), calendar, now, new ResultsPublicityNoShorterThanTheTermsRule(days, minimum));

        var existing = await CommitteeResultLines.PublicityAsync(db, campaign.Id, cancellationToken);
        var pending = await CommitteeResultLines.PendingAsync(db, definitions, campaign.Id, cancellationToken);
        var lines = await CommitteeResultLines.OfCampaignAsync(db, definitions, results, units, campaign.Id, cancellationToken);
        foreach (var rule in Rules(campaign, existing, pending, lines.Count, now))
        {
            if (rule.IsBroken())
            {
                throw new BusinessRuleViolationException(rule);
            }
        }

        var publicity = PublicPublicity.Publish(campaign.Id, PublicPublicityKind.CommitteeResults, title, firstDay, workingDays, calendar, now, request.Actor.Id, request.Actor.Name);
        var byUnit = lines.GroupBy(l => (l.UnitId, l.UnitName)).ToList();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        db.PublicPublicities.Add(publicity);
        foreach (var unit in byUnit)
        {
            // Every unit with a candidate reports back; the clock marks the ones that do not by the close.
            var report = UnitResultsReport.Start(campaign.Id, unit.Key.UnitId, unit.Key.UnitName, now);
            db.UnitResultsReports.Add(report);
            await engine.StartAsync(
                CommitteeResultLines.ReportDefinitionId,
                new WorkflowSubject(CommitteeResultLines.ReportSubjectType, report.Id, $"{unit.Key.UnitName} · 评审结果公示反馈", CampaignId: campaign.Id, UnitId: unit.Key.UnitId),
                request.Actor,
                cancellationToken);
        }

        await NotifyAsync(publicity, campaign, lines, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var passed = lines.Count(l => l.Passed);
        return new CommitteeResultsPublished(publicity.Id, publicity.Title, publicity.PeriodText, passed, lines.Count - passed, byUnit.Count);
    }

    /// <summary>The rules that refuse a publication, in the order the office should clear them.</summary>
    public static IReadOnlyList<IBusinessRule> Rules(Campaign campaign, PublicPublicity? existing, IReadOnlyList<PendingAtLevel> pending, int results, DateTimeOffset now)
    {
        var stage = campaign.Stage(StageKeys.Results);
        return
        [
            new OneResultsPublicityPerCampaignRule(existing),
            new ResultsPublishedInTheResultsStageRule(stage.Name, stage.OpensAt, stage.ClosesAt, now),
            new NoCandidateStillBeforeTheCommitteeRule(pending),
            new ResultsPublicityHasResultsRule(results),
        ];
    }

    /// <summary>
    /// Each candidate is told the results are out (their own is read after signing in), each unit's
    /// auditors that the unit publicises them internally and reports back by the stage's close.
    /// </summary>
    private async Task NotifyAsync(PublicPublicity publicity, Campaign campaign, IReadOnlyList<ResultLine> lines, CancellationToken cancellationToken)
    {
        var ids = lines.Select(l => l.ApplicationId).ToList();
        var applicantIds = await db.TitleApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.ApplicantUserId }).ToListAsync(cancellationToken);
        var applicants = await people.RecipientsAsync([.. applicantIds.Select(a => a.ApplicantUserId).Distinct()], cancellationToken);
        var auditors = await people.AuditorsAsync([.. lines.Select(l => l.UnitId).Distinct()], cancellationToken);
        var site = links.Absolute("/Account/Login");
        var deadline = BeijingTime.DateOf(campaign.Stage(StageKeys.Results).ClosesAt.AddTicks(-1));
        foreach (var applicant in applicantIds)
        {
            if (applicants.TryGetValue(applicant.ApplicantUserId, out var recipient))
            {
                outbox.Enqueue(recipient, new OutgoingMessage("评审结果公示", publicity.Title, $"{recipient.Name}：{publicity.Title}已发布，{publicity.PeriodText}。您的评审结果请登录系统查看（{site}）。"));
            }
        }

        foreach (var unit in lines.GroupBy(l => l.UnitId))
        {
            foreach (var auditor in auditors[unit.Key])
            {
                outbox.Enqueue(auditor, new OutgoingMessage(
                    "评审结果公示",
                    publicity.Title,
                    $"{auditor.Name}：{publicity.Title}已发布，{publicity.PeriodText}。请在本单位内部公示评审结果，并于 {deadline:yyyy年M月d日} 前登录系统反馈公示情况及收到的异议（{site}）。"));
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Feedback;

/// <summary>The auditor's feedback page: the unit's applicants in the preliminary results' publicity and what was recorded for each.</summary>
public sealed record GetUnitFeedback(int? Year, WorkflowActor Actor);

/// <param name="MayRecord">Whether feedback can be recorded and submitted now.</param>
/// <param name="WhyNot">Why not; null when it can.</param>
public sealed record UnitFeedbackView(
    int Year,
    string UnitName,
    string? PeriodText,
    string WindowText,
    DateTimeOffset Deadline,
    bool MayRecord,
    string? WhyNot,
    IReadOnlyList<FeedbackRow> Rows)
{
    public int ToSubmit => Rows.Count(r => r.AwaitingFeedback && r.Outcome is not null && r.SubmittedAt is null);
}

/// <param name="Passed">Whether the applicant passed the preliminary review.</param>
/// <param name="AwaitingFeedback">Whether the case waits for the unit's feedback (it can be recorded).</param>
public sealed record FeedbackRow(
    Guid ApplicationId,
    string ApplicantName,
    TitleLevel Level,
    string StateName,
    bool Passed,
    bool AwaitingFeedback,
    bool Missing,
    FeedbackOutcome? Outcome,
    string? Objection,
    string? Handling,
    DateTimeOffset? RecordedAt,
    string? RecordedByName,
    DateTimeOffset? SubmittedAt);

/// <summary>The unit's auditor records (or corrects, until submitted) one applicant's publicity result.</summary>
public sealed record RecordFeedback(Guid ApplicationId, FeedbackOutcome? Outcome, string? Objection, string? Handling, WorkflowActor Actor);

/// <summary>The auditor submits the unit's recorded feedback to the office (提交省政工职评办).</summary>
public sealed record SubmitUnitFeedback(int? Year, WorkflowActor Actor);

/// <summary>The office's overview: per unit, whose feedback is missing or not yet submitted, and what the others reported.</summary>
public sealed record ListFeedbackForOffice(int? Year, WorkflowActor Actor);

public sealed record OfficeFeedbackView(int Year, string? PeriodText, string WindowText, DateTimeOffset Deadline, bool Closed, IReadOnlyList<UnitFeedbackSummary> Units)
{
    public int MissingCount => Units.Sum(u => u.Missing.Count);
}

/// <param name="Missing">Feedback not submitted (not recorded, recorded only, or closed by the clock).</param>
/// <param name="Submitted">Feedback the unit submitted.</param>
public sealed record UnitFeedbackSummary(Guid UnitId, string UnitName, IReadOnlyList<FeedbackRow> Missing, IReadOnlyList<FeedbackRow> Submitted);

/// <summary>What the feedback use cases read alike.</summary>
internal static class FeedbackData
{
    public static FeedbackWindow WindowOf(Campaign campaign)
    {
        var stage = campaign.Stage(StageKeys.PublicityFeedback);
        return new FeedbackWindow(stage.OpensAt, stage.ClosesAt);
    }

    /// <summary>The campaign's published cases of the unit (or every unit), with their feedback. Two queries.</summary>
    public static async Task<List<(Guid UnitId, FeedbackRow Row)>> RowsAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, Guid? unitId, CancellationToken cancellationToken)
    {
        var published = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PreliminaryPublished);
        var cases = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId
                      && (unitId == null || application.UnitId == unitId) && published.Contains(instance.State)
                orderby application.ApplicantName
                select new { application.Id, application.ApplicantName, application.UnitId, application.Level, instance.DefinitionId, instance.DefinitionVersion, instance.State })
            .ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var feedback = await db.PublicityFeedback.AsNoTracking().Where(f => ids.Contains(f.ApplicationId)).ToDictionaryAsync(f => f.ApplicationId, cancellationToken);
        return [.. cases.Select(c =>
        {
            bool Means(string capability) => definitions.Has(c.DefinitionId, c.DefinitionVersion, c.State, capability);
            var f = feedback.GetValueOrDefault(c.Id);
            return (c.UnitId, new FeedbackRow(
                c.Id,
                c.ApplicantName,
                c.Level,
                definitions.Get(c.DefinitionId, c.DefinitionVersion).StateDisplayName(c.State),
                Means(StateCapabilities.PreliminaryPassed),
                Means(StateCapabilities.AwaitingFeedback),
                Means(StateCapabilities.FeedbackMissing),
                f?.Outcome,
                f?.Objection,
                f?.Handling,
                f?.RecordedAt,
                f?.RecordedByName,
                f?.SubmittedAt));
        })];
    }

    public static void RequireAuditor(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Auditor) || actor.UnitId is null)
        {
            throw new ForbiddenAccessException("只有申报人所在单位的审核人可以反馈公示结果。");
        }
    }

    /// <summary>Why the unit cannot record feedback now, by the Domain's rules; null when it can.</summary>
    public static string? WhyNot(PublicPublicity? publicity, FeedbackWindow window, DateTimeOffset now)
    {
        IBusinessRule[] rules = [new FeedbackOnlyAfterThePublicityRule(publicity, now), new FeedbackWithinItsWindowRule(window, now)];
        return rules.FirstOrDefault(r => r.IsBroken())?.Message;
    }

    public static string Describe(PublicityFeedback feedback) =>
        feedback.Outcome == FeedbackOutcome.NoObjection
            ? "公示无异议。"
            : $"{PublicityFeedback.Describe(feedback.Outcome)}。异议内容：{feedback.Objection}；核实处理情况：{feedback.Handling}";
}

internal sealed class GetUnitFeedbackHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<GetUnitFeedback, UnitFeedbackView>
{
    public async Task<UnitFeedbackView> HandleAsync(GetUnitFeedback request, CancellationToken cancellationToken = default)
    {
        FeedbackData.RequireAuditor(request.Actor);
        var unitId = request.Actor.UnitId!.Value;
        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var publicity = await SupplementData.PublicityAsync(db, campaign.Id, cancellationToken);
        var window = FeedbackData.WindowOf(campaign);
        var rows = await FeedbackData.RowsAsync(db, definitions, campaign.Id, unitId, cancellationToken);
        var whyNot = FeedbackData.WhyNot(publicity, window, clock.GetUtcNow());
        return new UnitFeedbackView(
            campaign.Year,
            (await units.FindAsync(unitId, cancellationToken))?.Name ?? string.Empty,
            publicity?.PeriodText,
            window.Text,
            window.ClosesAt,
            whyNot is null,
            whyNot,
            [.. rows.Select(r => r.Row)]);
    }
}

internal sealed class RecordFeedbackHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock) : IHandler<RecordFeedback, Guid>
{
    public async Task<Guid> HandleAsync(RecordFeedback request, CancellationToken cancellationToken = default)
    {
        FeedbackData.RequireAuditor(request.Actor);
        var withObjection = request.Outcome is FeedbackOutcome.ObjectionDismissed or FeedbackOutcome.ObjectionUpheld;
        var objection = request.Objection?.Trim() ?? string.Empty;
        var handling = request.Handling?.Trim() ?? string.Empty;
        new Validation()
            .Require(request.Outcome is { } o && Enum.IsDefined(o), "outcome", "请选择公示结果：无异议，或有异议及核实结论。")
            .Require(!withObjection || objection.Length > 0, "objection", "有异议时，请填写异议内容。")
            .Require(!withObjection || handling.Length > 0, "handling", "有异议时，请填写核实处理情况。")
            .Require(objection.Length <= PublicityFeedback.MaxTextLength, "objection", $"异议内容不能超过 {PublicityFeedback.MaxTextLength} 个字。")
            .Require(handling.Length <= PublicityFeedback.MaxTextLength, "handling", $"核实处理情况不能超过 {PublicityFeedback.MaxTextLength} 个字。")
            .ThrowIfInvalid();

        var found = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                join campaign in db.Campaigns.AsNoTracking().Include(c => c.Stages) on application.CampaignId equals campaign.Id
                where application.Id == request.ApplicationId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new { application.ApplicantName, application.UnitId, application.CampaignId, Instance = instance, Campaign = campaign })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("该申报人");
        var now = clock.GetUtcNow();
        var publicity = await SupplementData.PublicityAsync(db, found.CampaignId, cancellationToken);
        var window = FeedbackData.WindowOf(found.Campaign);
        var feedback = await db.PublicityFeedback.FirstOrDefaultAsync(f => f.ApplicationId == request.ApplicationId, cancellationToken);
        var outcome = request.Outcome!.Value;
        if (feedback is null)
        {
            feedback = PublicityFeedback.Record(request.ApplicationId, found.CampaignId, found.UnitId, request.Actor.UnitId, outcome, objection, handling, publicity, window, now, request.Actor.Id, request.Actor.Name);
            db.PublicityFeedback.Add(feedback);
        }
        else
        {
            feedback.Change(request.Actor.UnitId, outcome, objection, handling, publicity, window, now, request.Actor.Id, request.Actor.Name);
        }

        // Checked after the Domain's rules, so another unit's auditor learns nothing of the case.
        if (!definitions.Has(found.Instance, StateCapabilities.AwaitingFeedback))
        {
            throw new DomainException($"{found.ApplicantName}当前不在待反馈公示结果状态，不能填写。");
        }

        await db.SaveChangesAsync(cancellationToken);
        return feedback.Id;
    }
}

internal sealed class SubmitUnitFeedbackHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<SubmitUnitFeedback, int>
{
    public async Task<int> HandleAsync(SubmitUnitFeedback request, CancellationToken cancellationToken = default)
    {
        FeedbackData.RequireAuditor(request.Actor);
        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var awaiting = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.AwaitingFeedback);
        var found = await (
                from feedback in db.PublicityFeedback.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on feedback.ApplicationId equals instance.SubjectId
                where instance.SubjectType == ApplicationWorkflow.SubjectType && feedback.CampaignId == campaign.Id
                      && feedback.UnitId == request.Actor.UnitId && feedback.SubmittedAt == null && awaiting.Contains(instance.State)
                select new { feedback.Id, Instance = instance })
            .ToListAsync(cancellationToken);
        var ids = found.Select(f => f.Id).ToList();
        var tracked = await db.PublicityFeedback.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var recorded = found.Select(f => new { Feedback = tracked[f.Id], f.Instance }).ToList();
        if (recorded.Count == 0)
        {
            throw new DomainException("没有已填写、待提交的公示结果反馈，请先逐人填写。");
        }

        var now = clock.GetUtcNow();
        var publicity = await SupplementData.PublicityAsync(db, campaign.Id, cancellationToken);
        var window = FeedbackData.WindowOf(campaign);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        foreach (var item in recorded)
        {
            item.Feedback.Submit(request.Actor.UnitId, publicity, window, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var item in recorded)
        {
            // An upheld objection stops a passed case; a failed case ends its publicity failed whatever was found.
            var upheld = item.Feedback.Outcome == FeedbackOutcome.ObjectionUpheld && definitions.Has(item.Instance, StateCapabilities.PreliminaryPassed);
            var operation = upheld ? WorkflowOperations.SubmitFeedbackWithObjection : WorkflowOperations.SubmitFeedback;
            await engine.PerformAsync(new PerformRequest(item.Instance.Id, operation, request.Actor, FeedbackData.Describe(item.Feedback)), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded.Count;
    }
}

internal sealed class ListFeedbackForOfficeHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<ListFeedbackForOffice, OfficeFeedbackView>
{
    public async Task<OfficeFeedbackView> HandleAsync(ListFeedbackForOffice request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var publicity = await SupplementData.PublicityAsync(db, campaign.Id, cancellationToken);
        var window = FeedbackData.WindowOf(campaign);
        var rows = await FeedbackData.RowsAsync(db, definitions, campaign.Id, null, cancellationToken);
        var cards = await units.FindAllAsync([.. rows.Select(r => r.UnitId).Distinct()], cancellationToken);
        var summaries = rows.GroupBy(r => r.UnitId)
            .Select(g => new UnitFeedbackSummary(
                g.Key,
                cards.TryGetValue(g.Key, out var card) ? card.Name : string.Empty,
                [.. g.Select(r => r.Row).Where(r => r.SubmittedAt is null && (r.AwaitingFeedback || r.Missing))],
                [.. g.Select(r => r.Row).Where(r => r.SubmittedAt is not null)]))
            .OrderByDescending(u => u.Missing.Count)
            .ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        return new OfficeFeedbackView(campaign.Year, publicity?.PeriodText, window.Text, window.ClosesAt, clock.GetUtcNow() >= window.ClosesAt, summaries);
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Supplements;

/// <summary>The office's list of submitted supplements awaiting its review, with the original failing reasons.</summary>
public sealed record ListSupplementsForReview(int? Year, WorkflowActor Actor);

/// <param name="ReviewOpen">Whether the preliminary review's window is open (decisions are made inside it).</param>
public sealed record SupplementReview(int Year, string? PeriodText, bool ReviewOpen, string ReviewWindowText, IReadOnlyList<SupplementForReview> Cases);

/// <param name="Supplement">The round awaiting the decision.</param>
/// <param name="Earlier">Earlier rounds, decided, oldest first.</param>
public sealed record SupplementForReview(
    Guid ApplicationId,
    string ApplicantName,
    string UnitName,
    TitleLevel Level,
    FailingReason? FailingReason,
    SupplementRound Supplement,
    IReadOnlyList<SupplementRound> Earlier);

/// <summary>The office's decision on a submitted supplement: 改为通过 or 维持不通过, with a reason.</summary>
public sealed record DecideSupplement(Guid ApplicationId, SupplementDecision? Decision, string? Reason, WorkflowActor Actor);

internal sealed class ListSupplementsForReviewHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IPreliminaryDecisions decisions, IUnitDirectory units, TimeProvider clock)
    : IHandler<ListSupplementsForReview, SupplementReview>
{
    public async Task<SupplementReview> HandleAsync(ListSupplementsForReview request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await SupplementData.CampaignAsync(db, request.Year, cancellationToken);
        var awaiting = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SupplementAwaitingReview);
        var cases = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaign.Id && awaiting.Contains(instance.State)
                orderby instance.StateEnteredAt
                select new { application.Id, application.ApplicantName, application.UnitId, application.Level })
            .ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var publicity = await SupplementData.PublicityAsync(db, campaign.Id, cancellationToken);
        var reasons = await SupplementData.FailingReasonsAsync(decisions, ids, cancellationToken);
        var rounds = await SupplementData.RoundsAsync(db, ids, cancellationToken);
        var unitCards = await units.FindAllAsync([.. cases.Select(c => c.UnitId).Distinct()], cancellationToken);
        var stage = campaign.Stage(StageKeys.PreliminaryReview);
        return new SupplementReview(
            campaign.Year,
            publicity?.PeriodText,
            stage.IsOpenAt(clock.GetUtcNow()),
            $"{stage.Name}：{Domain.Time.BeijingTime.DateOf(stage.OpensAt):yyyy年M月d日}至{Domain.Time.BeijingTime.DateOf(stage.ClosesAt.AddTicks(-1)):M月d日}",
            [.. cases
                .Where(c => rounds[c.Id].Any(r => r.SubmittedAt is not null && r.Decision is null))
                .Select(c => new SupplementForReview(
                    c.Id,
                    c.ApplicantName,
                    unitCards.TryGetValue(c.UnitId, out var unit) ? unit.Name : string.Empty,
                    c.Level,
                    reasons.GetValueOrDefault(c.Id),
                    rounds[c.Id].Last(r => r.SubmittedAt is not null && r.Decision is null),
                    [.. rounds[c.Id].Where(r => r.Decision is not null)]))]);
    }
}

internal sealed class DecideSupplementHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<DecideSupplement, FireResult>
{
    public async Task<FireResult> HandleAsync(DecideSupplement request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        var reason = request.Reason?.Trim() ?? string.Empty;
        new Validation()
            .Require(request.Decision is { } d && Enum.IsDefined(d), "decision", "请选择“改为通过”或“维持不通过”。")
            .Require(reason.Length > 0, "reason", "请填写审核意见（理由）。")
            .Require(reason.Length <= Supplement.MaxReasonLength, "reason", $"理由不能超过 {Supplement.MaxReasonLength} 个字。")
            .ThrowIfInvalid();

        var found = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where application.Id == request.ApplicationId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new { application.ApplicantName, Instance = instance })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("该申报人");
        var supplement = await db.Supplements
            .Where(s => s.ApplicationId == request.ApplicationId && s.SubmittedAt != null && s.Decision == null)
            .OrderByDescending(s => s.Round)
            .FirstOrDefaultAsync(cancellationToken);
        if (supplement is null || !definitions.Has(found.Instance, StateCapabilities.SupplementAwaitingReview))
        {
            throw new DomainException($"{found.ApplicantName}没有待审核的补充材料。");
        }

        var decision = request.Decision!.Value;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        supplement.Decide(decision, reason, clock.GetUtcNow(), request.Actor.Name);
        await db.SaveChangesAsync(cancellationToken);
        var operation = decision == SupplementDecision.Passed ? WorkflowOperations.PassOnSupplement : WorkflowOperations.KeepFailedOnSupplement;
        var result = await engine.PerformAsync(new PerformRequest(found.Instance.Id, operation, request.Actor, $"第 {supplement.Round} 次补充材料，{SupplementData.Describe(decision)}：{reason}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

internal static class OfficeOnly
{
    public static void Require(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以办理。");
        }
    }
}

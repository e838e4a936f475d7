using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Voting;

/// <summary>The office opens the vote of one level with the members present (开始表决).</summary>
public sealed record OpenVotingSession(int Year, TitleLevel? Level, IReadOnlyCollection<Guid>? Present, WorkflowActor Actor);

/// <summary>An expert's ballots for the session, one choice per candidate outstanding for them (提交表决票).</summary>
public sealed record CastBallots(Guid SessionId, IReadOnlyDictionary<Guid, BallotChoice?>? Choices, WorkflowActor Actor);

/// <summary>The office asks for a re-vote of one candidate, with a reason (申请重新表决).</summary>
public sealed record RequestRevote(Guid SessionId, Guid ApplicationId, string? Reason, WorkflowActor Actor)
{
    public const int MaxReasonLength = RevoteHasAReasonRule.MaxReasonLength;
}

/// <summary>The chair confirms the office's request from their own account (确认重新表决).</summary>
public sealed record ConfirmRevote(Guid SessionId, Guid ApplicationId, WorkflowActor Actor);

/// <summary>The office closes the session (结束表决): the tally is locked and every case moves.</summary>
public sealed record CloseVotingSession(Guid SessionId, WorkflowActor Actor);

public sealed record VotingSessionClosed(int Passed, int Failed);

internal sealed class OpenVotingSessionHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    ICommitteeSeats seats,
    TimeProvider clock) : IHandler<OpenVotingSession, Guid>
{
    public async Task<Guid> HandleAsync(OpenVotingSession request, CancellationToken cancellationToken = default)
    {
        VotingCases.RequireOffice(request.Actor);
        new Validation()
            .Require(request.Level is { } l && Enum.IsDefined(l), "level", "请选择评审等级。")
            .Require(request.Present is { Count: > 0 }, "present", "请勾选到会的评委。")
            .ThrowIfInvalid();
        var level = request.Level!.Value;

        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度的评审");
        var committee = await db.ReviewCommittees.AsNoTracking().FirstOrDefaultAsync(c => c.CampaignId == campaign.Id, cancellationToken)
            ?? throw new DomainException("本年度尚未组建评审委员会。");
        var existing = await db.VotingSessions.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(s => s.CampaignId == campaign.Id && s.Level == level, cancellationToken);
        var cases = VotingCases.CasesOf(await VotingCases.OfCampaignAsync(db, definitions, campaign.Id, [], cancellationToken), level, definitions);
        var members = committee.MembersFor(level).Select(m => m.ExpertId).ToList();
        var present = request.Present!.Distinct().ToList();
        var recusals = (await seats.RecusalsByExpertAsync(campaign.Id, present.Where(members.Contains).ToList(), cancellationToken))
            .ToDictionary(e => e.Key, e => (IReadOnlySet<Guid>)e.Value.Keys.ToHashSet());

        var session = VotingSession.Open(
            campaign.Id, level, VotingCases.WindowOf(campaign), members, present, cases, recusals, campaign.CommitteeTerms, existing, clock.GetUtcNow(), request.Actor.Name);
        db.VotingSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }
}

internal sealed class CastBallotsHandler(IApplicationDbContext db, ICommitteeSeats seats) : IHandler<CastBallots, int>
{
    public async Task<int> HandleAsync(CastBallots request, CancellationToken cancellationToken = default)
    {
        VotingCases.RequireExpert(request.Actor);
        var choices = request.Choices ?? new Dictionary<Guid, BallotChoice?>();
        var session = await VotingCases.SessionAsync(db, request.SessionId, cancellationToken);
        var seat = await seats.SeatAsync(request.Actor.Id, session.CampaignId, cancellationToken)
            ?? throw new DomainException("您不是本年度评审委员会的委员，不能投票。");
        if (!seat.Pledged)
        {
            throw new DomainException("请先签署保密承诺并申报回避，再参加表决。");
        }

        var outstanding = session.OutstandingFor(seat.ExpertId);
        var validation = new Validation();
        foreach (var candidate in outstanding.Where(c => choices.GetValueOrDefault(c) is not { } choice || !Enum.IsDefined(choice)))
        {
            validation.Add($"choices[{candidate}]", "请选择同意、不同意或弃权。");
        }

        // Refusals of the ballot as a whole (twice, recused, absent) are the session's rules; a
        // missing choice is the form's.
        if (outstanding.Count > 0 && choices.Keys.All(k => outstanding.Contains(k)))
        {
            validation.ThrowIfInvalid();
        }

        session.Cast(seat.ExpertId, choices.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!.Value));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("其他评委刚刚同时提交了表决票，您的表决票未保存，请重新提交。", ex);
        }

        return outstanding.Count;
    }
}

internal sealed class RequestRevoteHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<RequestRevote, Guid>
{
    public async Task<Guid> HandleAsync(RequestRevote request, CancellationToken cancellationToken = default)
    {
        VotingCases.RequireOffice(request.Actor);
        var reason = new RevoteHasAReasonRule(request.Reason);
        new Validation().Require(!reason.IsBroken(), "reason", reason.Message).ThrowIfInvalid();
        var session = await VotingCases.SessionAsync(db, request.SessionId, cancellationToken);
        session.RequestRevote(request.ApplicationId, request.Reason, clock.GetUtcNow(), request.Actor.Name);
        await SaveAsync(db, cancellationToken);
        return session.Id;
    }

    internal static async Task SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(inner: ex);
        }
    }
}

/// <summary>
/// The chair's confirmation starts the candidate's new round and fires the case's re-vote
/// (a self-transition, role Expert) with the office's reason, so the journal holds it; both are
/// saved together or not at all.
/// </summary>
internal sealed class ConfirmRevoteHandler(IApplicationDbContext db, IWorkflowEngine engine, ICommitteeSeats seats) : IHandler<ConfirmRevote, Guid>
{
    public async Task<Guid> HandleAsync(ConfirmRevote request, CancellationToken cancellationToken = default)
    {
        VotingCases.RequireExpert(request.Actor);
        var session = await VotingCases.SessionAsync(db, request.SessionId, cancellationToken);
        var seat = await seats.SeatAsync(request.Actor.Id, session.CampaignId, cancellationToken)
            ?? throw new DomainException("只有主任委员可以确认重新表决。");
        var reason = session.ConfirmRevote(request.ApplicationId, seat.ExpertId, seat.IsChair);
        var instance = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectId == request.ApplicationId && i.SubjectType == ApplicationWorkflow.SubjectType)
            .Select(i => i.Id)
            .FirstAsync(cancellationToken);
        await engine.PerformAsync(new PerformRequest(instance, WorkflowOperations.ConfirmRevote, request.Actor, reason), cancellationToken);
        return session.Id;
    }
}

/// <summary>
/// Closes the session: the tally is computed and locked, and each case moves to passed or failed
/// with the tally as its reason (an absent senior fails with “未参加答辩”). One transaction: a
/// refusal of any case leaves the session open and every case where it was.
/// </summary>
internal sealed class CloseVotingSessionHandler(IApplicationDbContext db, IWorkflowEngine engine, TimeProvider clock)
    : IHandler<CloseVotingSession, VotingSessionClosed>
{
    public async Task<VotingSessionClosed> HandleAsync(CloseVotingSession request, CancellationToken cancellationToken = default)
    {
        VotingCases.RequireOffice(request.Actor);
        var session = await VotingCases.SessionAsync(db, request.SessionId, cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == session.CampaignId, cancellationToken);
        var names = await db.Experts.AsNoTracking().Where(e => session.Present.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var tallies = session.Close(campaign.CommitteeTerms, names, clock.GetUtcNow(), request.Actor.Name);
        var candidates = tallies.Select(t => t.ApplicationId).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == ApplicationWorkflow.SubjectType && candidates.Contains(i.SubjectId))
            .ToDictionaryAsync(i => i.SubjectId, i => i.Id, cancellationToken);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await RequestRevoteHandler.SaveAsync(db, cancellationToken);
        foreach (var tally in tallies)
        {
            var operation = tally.Passed ? WorkflowOperations.PassByCommitteeVote : WorkflowOperations.FailByCommitteeVote;
            await engine.PerformAsync(new PerformRequest(instances[tally.ApplicationId], operation, request.Actor, tally.Text), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new VotingSessionClosed(tallies.Count(t => t.Passed), tallies.Count(t => !t.Passed));
    }
}

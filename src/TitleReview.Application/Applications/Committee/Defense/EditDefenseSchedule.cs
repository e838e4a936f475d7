using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Defense;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Defense;

/// <summary>新增/修改答辩场次: a session's start (a UTC instant, typed in Beijing time), place and panel.</summary>
public sealed record SaveDefenseSession(int Year, Guid? SessionId, DateTimeOffset? StartsAt, string? Place, IReadOnlyList<Guid>? Panel, WorkflowActor Actor);

/// <summary>删除答辩场次, with its slots.</summary>
public sealed record RemoveDefenseSession(int Year, Guid SessionId, WorkflowActor Actor);

/// <summary>安排答辩人: a senior on the committee list into a session, at a Beijing time of the session's day.</summary>
public sealed record AssignDefenseSlot(int Year, Guid SessionId, Guid ApplicationId, TimeOnly? At, WorkflowActor Actor);

/// <summary>取消安排: takes a candidate out of their slot.</summary>
public sealed record UnassignDefenseSlot(int Year, Guid ApplicationId, WorkflowActor Actor);

internal sealed class SaveDefenseSessionHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, ICommitteeSeats seats) : IHandler<SaveDefenseSession, Guid>
{
    public async Task<Guid> HandleAsync(SaveDefenseSession request, CancellationToken cancellationToken = default)
    {
        DefenseAccess.RequireOffice(request.Actor);
        var place = new DefensePlaceGivenRule(request.Place);
        var panel = request.Panel ?? [];
        var size = new DefensePanelLargeEnoughRule(panel);
        new Validation()
            .Require(request.StartsAt is not null, "startsAt", "请填写答辩开始时间（北京时间）。")
            .Require(!place.IsBroken(), "place", place.Message)
            .Require(!size.IsBroken(), "panel", size.Message)
            .ThrowIfInvalid();

        var campaign = await DefenseAccess.CampaignAsync(db, request.Year, cancellationToken);
        var schedule = await DefenseAccess.ScheduleAsync(db, campaign.Id, cancellationToken);
        if (request.SessionId is { } id && schedule.Session(id) is null)
        {
            throw new NotFoundException("该答辩场次");
        }

        var seniors = await DefenseAccess.SeniorsAsync(db, definitions, campaign.Id, cancellationToken);
        var pool = await DefenseAccess.PoolAsync(db, seats, campaign.Id, seniors, cancellationToken);
        var sessionId = schedule.SaveSession(request.SessionId, request.StartsAt!.Value, request.Place!, panel, DefenseAccess.WindowOf(campaign), pool);
        await db.SaveChangesAsync(cancellationToken);
        return sessionId;
    }
}

internal sealed class RemoveDefenseSessionHandler(IApplicationDbContext db) : IHandler<RemoveDefenseSession, bool>
{
    public async Task<bool> HandleAsync(RemoveDefenseSession request, CancellationToken cancellationToken = default)
    {
        DefenseAccess.RequireOffice(request.Actor);
        var campaign = await DefenseAccess.CampaignAsync(db, request.Year, cancellationToken);
        var schedule = await DefenseAccess.ScheduleAsync(db, campaign.Id, cancellationToken);
        if (schedule.Session(request.SessionId) is null)
        {
            throw new NotFoundException("该答辩场次");
        }

        schedule.RemoveSession(request.SessionId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

internal sealed class AssignDefenseSlotHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, ICommitteeSeats seats) : IHandler<AssignDefenseSlot, bool>
{
    public async Task<bool> HandleAsync(AssignDefenseSlot request, CancellationToken cancellationToken = default)
    {
        DefenseAccess.RequireOffice(request.Actor);
        new Validation().Require(request.At is not null, "at", "请填写答辩时间（北京时间）。").ThrowIfInvalid();
        var campaign = await DefenseAccess.CampaignAsync(db, request.Year, cancellationToken);
        var schedule = await DefenseAccess.ScheduleAsync(db, campaign.Id, cancellationToken);
        var session = schedule.Session(request.SessionId) ?? throw new NotFoundException("该答辩场次");
        var at = BeijingTime.FromBeijing(BeijingTime.DateOf(session.StartsAt).ToDateTime(request.At!.Value));
        var seniors = await DefenseAccess.SeniorsAsync(db, definitions, campaign.Id, cancellationToken);
        var senior = seniors.FirstOrDefault(s => s.ApplicationId == request.ApplicationId);
        var candidate = senior is null
            ? await OtherCandidateAsync(request.ApplicationId, campaign.Id, cancellationToken)
            : new DefenseCandidate(senior.ApplicationId, senior.Name, TitleLevel.Senior, senior.AwaitsSchedule(definitions) || schedule.IsPublished);
        var pool = await DefenseAccess.PoolAsync(db, seats, campaign.Id, seniors, cancellationToken);
        schedule.Assign(request.SessionId, candidate, at, pool);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A case of the campaign that is no senior on the list: the rule refuses it by name.</summary>
    private async Task<DefenseCandidate> OtherCandidateAsync(Guid applicationId, Guid campaignId, CancellationToken cancellationToken)
    {
        var found = await db.TitleApplications.AsNoTracking()
                .Where(a => a.Id == applicationId && a.CampaignId == campaignId)
                .Select(a => new { a.ApplicantName, a.Level })
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("该申报人");
        return new DefenseCandidate(applicationId, found.ApplicantName, found.Level, OnCommitteeList: false);
    }
}

internal sealed class UnassignDefenseSlotHandler(IApplicationDbContext db) : IHandler<UnassignDefenseSlot, bool>
{
    public async Task<bool> HandleAsync(UnassignDefenseSlot request, CancellationToken cancellationToken = default)
    {
        DefenseAccess.RequireOffice(request.Actor);
        var campaign = await DefenseAccess.CampaignAsync(db, request.Year, cancellationToken);
        var schedule = await DefenseAccess.ScheduleAsync(db, campaign.Id, cancellationToken);
        if (schedule.SlotOf(request.ApplicationId) is null)
        {
            throw new NotFoundException("该答辩安排");
        }

        schedule.Unassign(request.ApplicationId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

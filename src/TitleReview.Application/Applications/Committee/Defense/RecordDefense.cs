using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee.Defense;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Defense;

public enum DefenseAttendance
{
    /// <summary>记录出席.</summary>
    Present = 1,

    /// <summary>记录缺席, with the circumstances.</summary>
    Absent = 2,

    /// <summary>更正出席记录, with the reason: back to scheduled.</summary>
    Correct = 3,
}

/// <summary>On the day: the office records a scheduled candidate present or absent, or corrects either with a reason.</summary>
public sealed record RecordDefenseAttendance(Guid ApplicationId, DefenseAttendance? Attendance, string? Reason, WorkflowActor Actor)
{
    public const int MaxReasonLength = 200;
}

/// <summary>答辩结论: the panel's conclusion on an attended candidate (合格/不合格 and its text), once every panel member scored.</summary>
public sealed record RecordDefenseConclusion(Guid ApplicationId, bool? Qualified, string? Text, WorkflowActor Actor);

internal sealed class RecordDefenseAttendanceHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions)
    : IHandler<RecordDefenseAttendance, FireResult>
{
    public async Task<FireResult> HandleAsync(RecordDefenseAttendance request, CancellationToken cancellationToken = default)
    {
        DefenseAccess.RequireOffice(request.Actor);
        var reasonNeeded = request.Attendance is DefenseAttendance.Absent or DefenseAttendance.Correct;
        var reason = request.Reason?.Trim();
        new Validation()
            .Require(request.Attendance is { } a && Enum.IsDefined(a), "attendance", "请选择出席情况。")
            .Require(!reasonNeeded || !string.IsNullOrEmpty(reason), "reason", request.Attendance == DefenseAttendance.Absent ? "请填写缺席情况。" : "请填写更正原因。")
            .Require((reason?.Length ?? 0) <= RecordDefenseAttendance.MaxReasonLength, "reason", $"说明不能超过 {RecordDefenseAttendance.MaxReasonLength} 个字。")
            .ThrowIfInvalid();

        var found = await DefenseCaseAsync(db, request.ApplicationId, cancellationToken);
        var concluded = await db.DefenseSchedules.AsNoTracking()
            .Where(s => s.CampaignId == found.CampaignId)
            .SelectMany(s => s.Slots)
            .AnyAsync(s => s.ApplicationId == request.ApplicationId && s.ConcludedAt != null, cancellationToken);
        var operation = request.Attendance switch
        {
            DefenseAttendance.Present => WorkflowOperations.RecordDefenseAttended,
            DefenseAttendance.Absent => WorkflowOperations.RecordDefenseAbsent,
            _ => WorkflowOperations.CorrectDefenseAttendance,
        };
        var fixedRule = new AttendanceFixedAfterConclusionRule(found.Name, concluded);
        if (fixedRule.IsBroken())
        {
            throw new BusinessRuleViolationException(fixedRule);
        }

        // The state has no way for this: told in the office's words (the window's guard speaks for itself).
        if (definitions.Get(found.DefinitionId, found.DefinitionVersion).TransitionFor(operation, found.State) is null)
        {
            throw new DomainException(request.Attendance == DefenseAttendance.Correct
                ? $"{found.Name}尚未记录出席情况，无需更正。"
                : $"{found.Name}不在待答辩状态（须已公布答辩安排且尚未记录出席情况）。");
        }

        return await engine.PerformAsync(new PerformRequest(found.InstanceId, operation, request.Actor, reasonNeeded ? reason : null), cancellationToken);
    }

    internal static async Task<DefenseCaseRow> DefenseCaseAsync(IApplicationDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where application.Id == applicationId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new DefenseCaseRow(instance.Id, application.CampaignId, application.ApplicantName, instance.DefinitionId, instance.DefinitionVersion, instance.State))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("该申报人");
}

internal sealed record DefenseCaseRow(Guid InstanceId, Guid CampaignId, string Name, string DefinitionId, int DefinitionVersion, string State);

internal sealed class RecordDefenseConclusionHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<RecordDefenseConclusion, bool>
{
    public async Task<bool> HandleAsync(RecordDefenseConclusion request, CancellationToken cancellationToken = default)
    {
        DefenseAccess.RequireOffice(request.Actor);
        var stated = new DefenseConclusionStatedRule(request.Qualified, request.Text);
        new Validation()
            .Require(request.Qualified is not null, "qualified", "请选择答辩结论（合格或不合格）。")
            .Require(!stated.IsBroken() || request.Qualified is null, "text", stated.Message)
            .ThrowIfInvalid();

        var found = await RecordDefenseAttendanceHandler.DefenseCaseAsync(db, request.ApplicationId, cancellationToken);
        var schedule = await db.DefenseSchedules.FirstOrDefaultAsync(s => s.CampaignId == found.CampaignId, cancellationToken);
        if (schedule?.SlotOf(request.ApplicationId) is null || !schedule.IsPublished)
        {
            throw new NotFoundException("该答辩安排");
        }

        if (!definitions.Get(found.DefinitionId, found.DefinitionVersion).Has(found.State, StateCapabilities.DefenseHeld))
        {
            throw new DomainException($"{found.Name}尚未记录为已参加答辩，不能记录答辩结论。");
        }

        var scores = await db.DefenseScores.CountAsync(s => s.ApplicationId == request.ApplicationId, cancellationToken);
        schedule.Conclude(request.ApplicationId, request.Qualified, request.Text, scores, clock.GetUtcNow(), request.Actor.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

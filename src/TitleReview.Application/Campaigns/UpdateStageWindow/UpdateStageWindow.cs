using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.UpdateStageWindow;

/// <summary>
/// The office moves one stage's window. Times are Beijing wall-clock times as entered: the
/// first second of the window and its last second (Aug 31 23:59:59).
/// </summary>
public sealed record UpdateStageWindow(
    Guid CampaignId,
    string StageKey,
    DateTime? OpensAtBeijing,
    DateTime? LastSecondBeijing,
    Guid? ExpectedToken,
    WorkflowActor Actor);

internal sealed class UpdateStageWindowHandler(IApplicationDbContext db, IWorkflowClock workflowClock, TimeProvider clock)
    : IHandler<UpdateStageWindow, Guid>
{
    // Far-off years are typing mistakes, and year 1 or 9999 cannot even be converted to UTC.
    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    private static bool InRange(DateTime beijing) => beijing.Year is >= MinYear and <= MaxYear;

    public async Task<Guid> HandleAsync(UpdateStageWindow request, CancellationToken cancellationToken = default)
    {
        new Validation()
            .Require(request.OpensAtBeijing is not null, "opensAt", "请填写开始时间。")
            .Require(request.LastSecondBeijing is not null, "closesAt", "请填写结束时间。")
            .ThrowIfInvalid();
        new Validation()
            .Require(InRange(request.OpensAtBeijing!.Value), "opensAt", $"开始时间须在 {MinYear} 年至 {MaxYear} 年之间。")
            .Require(InRange(request.LastSecondBeijing!.Value), "closesAt", $"结束时间须在 {MinYear} 年至 {MaxYear} 年之间。")
            .ThrowIfInvalid();

        var campaign = await CampaignWorkflow.LoadAsync(db, request.CampaignId, cancellationToken);
        if (request.ExpectedToken is { } token && token != campaign.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException("该年度的时间安排刚刚已被他人修改，您的修改未保存。请刷新页面查看最新安排后再改。");
        }

        var opensAt = BeijingTime.FromBeijing(request.OpensAtBeijing!.Value);
        var closesAt = BeijingTime.FromBeijing(request.LastSecondBeijing!.Value).AddSeconds(1);
        if (closesAt <= opensAt)
        {
            throw new ValidationException("closesAt", "结束时间必须晚于开始时间。");
        }

        StageWindow before;
        try
        {
            before = campaign.MoveWindow(request.StageKey, opensAt, closesAt);
        }
        catch (DomainException ex)
        {
            throw new ValidationException("closesAt", ex.Message);
        }

        var now = clock.GetUtcNow();
        var instance = await db.WorkflowInstances
            .SingleAsync(i => i.SubjectType == CampaignWorkflow.SubjectType && i.SubjectId == campaign.Id, cancellationToken);
        instance.Touch(now);
        var stage = campaign.Stage(request.StageKey);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id,
            instance.State,
            Workflows.Monitor.JournalText.EditTimelineTrigger,
            instance.State,
            request.Actor,
            $"修改“{stage.Name}”时间：{BeijingTime.Format(before.OpensAt)} 至 {BeijingTime.Format(before.ClosesAt.AddSeconds(-1))} → {BeijingTime.Format(stage.OpensAt)} 至 {BeijingTime.Format(stage.LastSecond)}",
            now));

        // The timers move in the same transaction as the window.
        await workflowClock.RescheduleAsync(campaign.Id, request.StageKey, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("该年度的时间安排刚刚已被他人修改，您的修改未保存。请刷新页面查看最新安排后再改。", ex);
        }

        return campaign.ConcurrencyToken;
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Intake;

/// <summary>
/// After the paper-delivery window, the office lets one unit still deliver (or complete its
/// incomplete envelopes) until an instant, for a reason. Each affected case gets a journal row;
/// cases the clock already closed as not delivered are reopened, as the filing's reopening does.
/// </summary>
public sealed record GrantPaperException(int Year, Guid UnitId, string? Reason, DateTimeOffset? Until, WorkflowActor Actor);

internal sealed class GrantPaperExceptionHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<GrantPaperException, int>
{
    public async Task<int> HandleAsync(GrantPaperException request, CancellationToken cancellationToken = default)
    {
        IntakeData.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var reason = request.Reason?.Trim();
        new Validation()
            .Require(!string.IsNullOrEmpty(reason), "reason", "请填写特例接收的原因。")
            .Require(reason is null || reason.Length <= PaperDeliveryException.MaxReasonLength, "reason", $"原因不能超过 {PaperDeliveryException.MaxReasonLength} 个字。")
            .Require(request.Until is not null, "until", "请填写特例接收的截止时间。")
            .Require(request.Until is null || request.Until > now, "until", "特例接收的截止时间必须晚于当前时间。")
            .ThrowIfInvalid();

        var campaign = await IntakeData.CampaignAsync(db, request.Year, cancellationToken);
        var unit = await units.FindAsync(request.UnitId, cancellationToken) ?? throw new NotFoundException("该单位");
        var exception = PaperDeliveryException.Grant(campaign.Id, unit.Id, reason!, request.Until!.Value, IntakeData.WindowOf(campaign), now, request.Actor.Id, request.Actor.Name);

        string[] open = [
            .. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.AwaitingPaper),
            .. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PaperIncomplete),
            .. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PaperNotDelivered)];
        var affected = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaign.Id
                      && application.UnitId == unit.Id && open.Contains(instance.State)
                orderby application.ApplicantName
                select instance.Id)
            .ToListAsync(cancellationToken);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        db.PaperDeliveryExceptions.Add(exception);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var instanceId in affected)
        {
            await engine.PerformAsync(new PerformRequest(instanceId, WorkflowOperations.GrantPaperException, request.Actor, $"{unit.Name}特例接收纸质材料：{exception.Reason}", exception.Until), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return affected.Count;
    }
}

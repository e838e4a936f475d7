using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.FireTrigger;

/// <summary>A person fires a trigger on an instance they may see (pages and the API).</summary>
public sealed record FireTrigger(
    Guid InstanceId,
    string Trigger,
    WorkflowActor Actor,
    string? Reason = null,
    DateTimeOffset? Until = null,
    Guid? ExpectedToken = null);

internal sealed class FireTriggerHandler(IApplicationDbContext db, IWorkflowEngine engine) : IHandler<FireTrigger, FireResult>
{
    public async Task<FireResult> HandleAsync(FireTrigger request, CancellationToken cancellationToken = default)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstanceId, cancellationToken);
        if (instance is null || !WorkflowAccess.CanSee(instance, request.Actor))
        {
            throw new NotFoundException("该流程实例");
        }

        if (request.Actor.IsSystem)
        {
            throw new ForbiddenAccessException("系统操作只能由系统时钟执行。");
        }

        return await engine.FireAsync(
            new FireRequest(request.InstanceId, request.Trigger, request.Actor, request.Reason, request.Until, request.ExpectedToken),
            cancellationToken);
    }
}

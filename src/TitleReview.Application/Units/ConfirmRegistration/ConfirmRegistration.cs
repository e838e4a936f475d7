using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.ConfirmRegistration;

/// <summary>The unit's auditor confirms the unit's registered details inside the confirmation window.</summary>
public sealed record ConfirmRegistration(Guid RegistrationId, WorkflowActor Actor, Guid? ExpectedToken = null);

internal sealed class ConfirmRegistrationHandler(IApplicationDbContext db, IWorkflowEngine engine) : IHandler<ConfirmRegistration, FireResult>
{
    public async Task<FireResult> HandleAsync(ConfirmRegistration request, CancellationToken cancellationToken = default)
    {
        var (_, instance) = await RegistrationLookup.LoadAsync(db, request.RegistrationId, cancellationToken);
        if (!WorkflowAccess.CanSee(instance, request.Actor))
        {
            throw new NotFoundException("该单位报送");
        }

        return await engine.PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.ConfirmRegistration, request.Actor, ExpectedToken: request.ExpectedToken), cancellationToken);
    }
}

using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.Queries;

/// <summary>The office's page of one registration: the registration in full and its auditor's account, if one was created.</summary>
public sealed record GetRegistrationView(Guid RegistrationId, WorkflowActor Actor);

public sealed record RegistrationView(RegistrationDetail Detail, AccountState? Account);

internal sealed class GetRegistrationViewHandler(IHandler<GetRegistration, RegistrationDetail> get, IAccountProvisioning accounts)
    : IHandler<GetRegistrationView, RegistrationView>
{
    public async Task<RegistrationView> HandleAsync(GetRegistrationView request, CancellationToken cancellationToken = default)
    {
        var detail = await get.HandleAsync(new GetRegistration(request.RegistrationId, request.Actor), cancellationToken);
        var account = detail.AuditorUserId is { } userId ? await accounts.GetAsync(userId, cancellationToken) : null;
        return new RegistrationView(detail, account);
    }
}

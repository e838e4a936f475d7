using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Units.RegisterUnit;

/// <summary>The registration form's campaign and its registration window; null when there is no campaign.</summary>
public sealed record GetRegistrationWindow;

internal sealed class GetRegistrationWindowHandler(ICurrentCampaign currentCampaign, TimeProvider clock)
    : IHandler<GetRegistrationWindow, CampaignWindow?>
{
    public async Task<CampaignWindow?> HandleAsync(GetRegistrationWindow request, CancellationToken cancellationToken = default) =>
        await currentCampaign.ForStageAsync(StageKeys.AuditorRegistration, cancellationToken) is { } campaign
            ? CampaignWindow.Of(campaign, StageKeys.AuditorRegistration, clock.GetUtcNow())
            : null;
}

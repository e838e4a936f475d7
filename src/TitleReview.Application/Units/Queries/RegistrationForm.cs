using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.Queries;

/// <summary>The notice's attached form for a registration, opened by the office or the unit's own auditor.</summary>
public sealed record GetRegistrationForm(Guid RegistrationId, WorkflowActor Actor);

/// <summary>The notice's attached form, opened by the unit itself with its access token.</summary>
public sealed record FindRegistrationForm(string? AccessToken);

/// <param name="Window">The registration window of the registration's campaign, which the form tells the unit to keep.</param>
public sealed record RegistrationForm(RegistrationDetail Detail, CampaignWindow Window);

internal sealed class GetRegistrationFormHandler(IApplicationDbContext db, IHandler<GetRegistration, RegistrationDetail> get, TimeProvider clock)
    : IHandler<GetRegistrationForm, RegistrationForm>
{
    public async Task<RegistrationForm> HandleAsync(GetRegistrationForm request, CancellationToken cancellationToken = default)
    {
        var detail = await get.HandleAsync(new GetRegistration(request.RegistrationId, request.Actor), cancellationToken);
        return await RegistrationForms.ComposeAsync(db, detail, clock.GetUtcNow(), cancellationToken);
    }
}

internal sealed class FindRegistrationFormHandler(IApplicationDbContext db, IHandler<FindRegistration, RegistrationDetail> find, TimeProvider clock)
    : IHandler<FindRegistrationForm, RegistrationForm>
{
    public async Task<RegistrationForm> HandleAsync(FindRegistrationForm request, CancellationToken cancellationToken = default)
    {
        var detail = await find.HandleAsync(new FindRegistration(request.AccessToken), cancellationToken);
        return await RegistrationForms.ComposeAsync(db, detail, clock.GetUtcNow(), cancellationToken);
    }
}

internal static class RegistrationForms
{
    public static async Task<RegistrationForm> ComposeAsync(IApplicationDbContext db, RegistrationDetail detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Stages).AsNoTracking().SingleAsync(c => c.Id == detail.CampaignId, cancellationToken);
        return new RegistrationForm(detail, CampaignWindow.Of(campaign, StageKeys.AuditorRegistration, now));
    }
}

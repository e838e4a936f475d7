using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.Queries;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Units;

/// <summary>
/// The notice's attached form, generated from the registration, laid out for A4. The unit
/// opens it by posting its access token; the office and the unit's auditor by id.
/// </summary>
public sealed class FormModel(
    IApplicationDbContext db,
    IHandler<FindRegistration, RegistrationDetail> find,
    IHandler<GetRegistration, RegistrationDetail> get,
    TimeProvider clock) : PageModel
{
    public RegistrationDetail Detail { get; private set; } = null!;

    public string WindowText { get; private set; } = string.Empty;

    public string GeneratedAt { get; private set; } = string.Empty;

    public async Task OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } registrationId || User.Identity?.IsAuthenticated != true)
        {
            throw new NotFoundException("该单位报送");
        }

        Detail = await get.HandleAsync(new GetRegistration(registrationId, User.ToWorkflowActor()), cancellationToken);
        await LoadWindowAsync(cancellationToken);
    }

    public async Task OnPostAsync(string? accessToken, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Detail = await find.HandleAsync(new FindRegistration(accessToken), cancellationToken);
        await LoadWindowAsync(cancellationToken);
    }

    private async Task LoadWindowAsync(CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Stages).AsNoTracking().SingleAsync(c => c.Id == Detail.CampaignId, cancellationToken);
        var stage = campaign.Stage(StageKeys.AuditorRegistration);
        WindowText = $"{BeijingTime.ToBeijing(stage.OpensAt):yyyy年M月d日}至{BeijingTime.ToBeijing(stage.LastSecond):M月d日}";
        GeneratedAt = BeijingTime.Format(clock.GetUtcNow());
    }
}

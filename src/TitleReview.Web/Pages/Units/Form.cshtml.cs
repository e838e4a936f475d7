using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.Queries;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Units;

/// <summary>
/// The notice's attached form, generated from the registration, laid out for A4. The unit
/// opens it by posting its access token; the office and the unit's auditor by id.
/// </summary>
public sealed class FormModel(
    IHandler<FindRegistrationForm, RegistrationForm> find,
    IHandler<GetRegistrationForm, RegistrationForm> get,
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

        Show(await get.HandleAsync(new GetRegistrationForm(registrationId, User.ToWorkflowActor()), cancellationToken));
    }

    public async Task OnPostAsync(string? accessToken, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Show(await find.HandleAsync(new FindRegistrationForm(accessToken), cancellationToken));
    }

    private void Show(RegistrationForm form)
    {
        Detail = form.Detail;
        WindowText = $"{BeijingTime.ToBeijing(form.Window.OpensAt):yyyy年M月d日}至{BeijingTime.ToBeijing(form.Window.LastSecond):M月d日}";
        GeneratedAt = BeijingTime.Format(clock.GetUtcNow());
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages.Publicity;

/// <summary>
/// The public list (公示公告): the publicities running now, for anyone. It changes by the clock,
/// so no cache may keep it past a period's end.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IHandler<GetRunningPublicities, IReadOnlyList<RunningPublicity>> running) : PageModel
{
    public IReadOnlyList<RunningPublicity> Publicities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Publicities = await running.HandleAsync(new GetRunningPublicities(), cancellationToken);
    }
}

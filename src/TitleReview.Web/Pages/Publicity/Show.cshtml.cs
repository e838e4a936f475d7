using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages.Publicity;

/// <summary>
/// One publicity as the public reads it: name, unit, level and result, nothing more. Before its
/// first day it does not exist for the public; after its last it says it has ended, and no more.
/// </summary>
[AllowAnonymous]
public sealed class ShowModel(IHandler<GetPublicPublicity, PublicPublicityView> get) : PageModel
{
    public PublicPublicityView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        View = await get.HandleAsync(new GetPublicPublicity(id), cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;

namespace TitleReview.Web.Pages.Integrity;

/// <summary>
/// The published negative list (诚信负面清单) for anyone: unit, reason, period. It names no person and
/// changes by the clock, so no cache may keep it.
/// </summary>
[AllowAnonymous]
public sealed class NegativeListModel(IHandler<GetPublicNegativeList, PublicNegativeListView> get) : PageModel
{
    public PublicNegativeListView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        View = await get.HandleAsync(new GetPublicNegativeList(), cancellationToken);
    }
}

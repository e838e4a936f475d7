using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages.SpotCheck;

/// <summary>
/// 抽查复核公示: before the draw the commitment (never the seed); after it also the public value,
/// the seed and the selection, and a form that recomputes the draw from a seed and a public value.
/// </summary>
[AllowAnonymous]
public sealed class ShowModel(IHandler<GetPublicSpotCheck, PublicSpotCheckView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Seed { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PublicValue { get; set; }

    public PublicSpotCheckView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        View = await get.HandleAsync(new GetPublicSpotCheck(id, Seed, PublicValue), cancellationToken);
        Seed ??= View.Draw.Seed;
        PublicValue ??= View.Draw.PublicValue;
    }
}

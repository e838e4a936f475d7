using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages.SpotCheck;

/// <summary>The public list of spot check draws whose commitment is published (linked from the site footer).</summary>
[AllowAnonymous]
public sealed class IndexModel(IHandler<ListPublicSpotChecks, IReadOnlyList<PublicSpotCheckEntry>> list) : PageModel
{
    public IReadOnlyList<PublicSpotCheckEntry> Draws { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Draws = await list.HandleAsync(new ListPublicSpotChecks(), cancellationToken);
    }
}

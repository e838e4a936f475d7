using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages.Defense;

/// <summary>The public defense schedule (linked from the site footer): published sessions with the candidates' names and units only.</summary>
[AllowAnonymous]
public sealed class IndexModel(IHandler<GetPublicDefenseSchedules, IReadOnlyList<PublicDefenseSchedule>> list) : PageModel
{
    public IReadOnlyList<PublicDefenseSchedule> Schedules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Schedules = await list.HandleAsync(new GetPublicDefenseSchedules(), cancellationToken);
    }
}

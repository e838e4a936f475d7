using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Originals;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.SpotCheck.Originals;

/// <summary>The originals check (原件复核): the persons the draw chose, by unit, with where each check stands.</summary>
public sealed class IndexModel(IHandler<ListOriginalsChecks, OriginalsOverview> list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public OriginalsOverview View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await list.HandleAsync(new ListOriginalsChecks(Year, User.ToWorkflowActor()), cancellationToken);
}

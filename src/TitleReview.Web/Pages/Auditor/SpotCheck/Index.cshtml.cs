using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Originals;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor.SpotCheck;

/// <summary>The unit's persons chosen for the spot check, the office's notice and where each originals check stands.</summary>
public sealed class IndexModel(IHandler<GetUnitSpotCheck, UnitSpotCheckView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public UnitSpotCheckView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetUnitSpotCheck(Year, User.ToWorkflowActor()), cancellationToken);
}

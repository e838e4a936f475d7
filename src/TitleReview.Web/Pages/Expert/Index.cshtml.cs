using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.ExpertReview;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Expert;

/// <summary>The expert's committee of a year and the candidates assigned (the recused ones apart); before the pledge, the pledge.</summary>
public sealed class IndexModel(IHandler<GetExpertHome, ExpertHomeView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ExpertHomeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetExpertHome(Year, User.ToWorkflowActor()), cancellationToken);
        return View.PledgeRequired ? RedirectToPage("./Pledge", new { year = View.Year }) : Page();
    }
}

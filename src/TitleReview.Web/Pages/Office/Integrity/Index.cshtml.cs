using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Integrity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Integrity;

/// <summary>The integrity cases (诚信案件) of a year that wait for a decision, with their findings.</summary>
public sealed class IndexModel(IHandler<ListIntegrityCases, IntegrityCasesView> list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IntegrityCasesView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await list.HandleAsync(new ListIntegrityCases(Year, User.ToWorkflowActor()), cancellationToken);
}

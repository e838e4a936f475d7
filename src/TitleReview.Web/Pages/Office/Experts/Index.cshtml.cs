using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Forming;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Experts;

/// <summary>评审专家: every Expert account with its profile (or a link to complete it), search, deactivate and activate.</summary>
public sealed class IndexModel(
    IHandler<GetExperts, ExpertsView> get,
    IHandler<SetExpertActive, ExpertSaved> setActive) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [TempData]
    public string? Message { get; set; }

    public ExpertsView View { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostActiveAsync(Guid expertId, bool active, CancellationToken cancellationToken)
    {
        var saved = await setActive.HandleAsync(new SetExpertActive(expertId, active, User.ToWorkflowActor()), cancellationToken);
        Message = active ? $"已启用{saved.Name}。" : $"已停用{saved.Name}，不能再列入评审委员会。";
        return RedirectToPage(new { search = Search });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetExperts(Search, User.ToWorkflowActor()), cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Expert.Defense;

/// <summary>答辩评分: the sessions the expert sits on, and their own score and opinion per attended candidate. Before the pledge, the pledge page.</summary>
public sealed class IndexModel(
    IHandler<GetExpertDefense, ExpertDefenseView> get,
    IHandler<SaveDefenseScore, bool> save) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Message { get; set; }

    public ExpertDefenseView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return View.Seated && !View.Pledged ? Redirect($"/Expert/Pledge?year={View.Year}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid applicationId, int? score, string? opinion, CancellationToken cancellationToken)
    {
        if (ModelState[nameof(score)] is { Errors.Count: > 0 })
        {
            ModelState.Remove(nameof(score));
            ModelState.AddModelError(nameof(score), "评分须为0至100的整数。");
            await LoadAsync(cancellationToken);
            return Page();
        }

        await save.HandleAsync(new SaveDefenseScore(applicationId, score, opinion, User.ToWorkflowActor()), cancellationToken);
        Message = "已保存评分。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetExpertDefense(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }
}

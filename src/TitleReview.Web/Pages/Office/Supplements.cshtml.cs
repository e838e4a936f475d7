using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office;

/// <summary>The office reviews submitted supplements: 改为通过 or 维持不通过, each with a reason.</summary>
public sealed class SupplementsModel(
    IHandler<ListSupplementsForReview, SupplementReview> list,
    IHandler<DecideSupplement, FireResult> decide) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public SupplementReview View { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(Guid applicationId, SupplementDecision? decision, string? reason, CancellationToken cancellationToken)
    {
        await decide.HandleAsync(new DecideSupplement(applicationId, decision, reason, User.ToWorkflowActor()), cancellationToken);
        Message = decision == SupplementDecision.Passed ? "已改为初审通过。" : "已维持初审不通过。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await list.HandleAsync(new ListSupplementsForReview(Year, User.ToWorkflowActor()), cancellationToken);
}

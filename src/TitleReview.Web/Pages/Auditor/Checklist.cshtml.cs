using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

public sealed class ChecklistModel(IHandler<GetUnitChecklist, UnitChecklist> get, TimeProvider clock) : PageModel
{
    public UnitChecklist Checklist { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (User.ToWorkflowActor().UnitId is not { } unitId)
        {
            return NotFound();
        }

        Checklist = await get.HandleAsync(new GetUnitChecklist(unitId, year ?? BeijingTime.Today(clock).Year), cancellationToken);
        return Page();
    }
}

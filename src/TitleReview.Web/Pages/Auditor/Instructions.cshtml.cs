using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetInstructionSheet;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

/// <summary>报送及缴费须知: one A4 page for the unit's campaign, printed from the browser (ADR 0010).</summary>
public sealed class InstructionsModel(IHandler<GetInstructionSheet, InstructionSheet> get) : PageModel
{
    public InstructionSheet Sheet { get; private set; } = null!;

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken) =>
        Sheet = await get.HandleAsync(new GetInstructionSheet(User.ToWorkflowActor(), year), cancellationToken);
}

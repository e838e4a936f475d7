using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Web.Pages.Office.Units;

public sealed class IndexModel(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IHandler<ListRegistrations, IReadOnlyList<RegistrationListItem>> list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<StateDefinition> States { get; private set; } = [];

    public IReadOnlyList<RegistrationListItem> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await db.Campaigns.OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(cancellationToken);
        States = definitions.Latest("unitRegistration").States;
        Rows = await list.HandleAsync(new ListRegistrations(Year, State), cancellationToken);
    }
}

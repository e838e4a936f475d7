using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.Queries;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Web.Pages.Office.Units;

public sealed class IndexModel(IHandler<GetRegistrationsView, RegistrationsView> registrations) : PageModel
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
        var view = await registrations.HandleAsync(new GetRegistrationsView(Year, State), cancellationToken);
        (Years, States, Rows) = (view.Years, view.States, view.Rows);
    }
}

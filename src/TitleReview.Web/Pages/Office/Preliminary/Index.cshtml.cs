using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Preliminary;

/// <summary>The preliminary review queue (初审): the year's dossiers submitted to the office, by unit and level.</summary>
public sealed class IndexModel(IHandler<GetPreliminaryQueue, PreliminaryQueueView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public PreliminaryFilter Filter { get; set; } = PreliminaryFilter.Pending;

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public TitleLevel? Level { get; set; }

    public PreliminaryQueueView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A filter or level typed into the address that means nothing reads as none, not as an error page.
        var filter = Enum.IsDefined(Filter) ? Filter : PreliminaryFilter.Pending;
        var level = Level is { } l && Enum.IsDefined(l) ? l : (TitleLevel?)null;
        View = await get.HandleAsync(new GetPreliminaryQueue(Year, filter, UnitId, level, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        Filter = View.Filter;
        Level = View.Level;
    }
}

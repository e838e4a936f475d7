using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.ExpertReview;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Committee;

/// <summary>The inspector's log of the experts' openings of dossiers and scans, and the experts' opinions per candidate.</summary>
public sealed class OpeningsModel(IHandler<GetDossierOpenings, DossierOpeningsView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Candidate { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Expert { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public DossierOpeningsView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetDossierOpenings(Year, Candidate, Expert, PageNumber, User.ToWorkflowActor()), cancellationToken);
}

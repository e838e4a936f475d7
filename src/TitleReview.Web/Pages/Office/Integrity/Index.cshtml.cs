using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Integrity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Integrity;

/// <summary>The integrity cases (诚信案件) of a year, open and decided, and opening a case by hand (立案).</summary>
public sealed class IndexModel(
    IHandler<ListIntegrityCases, IntegrityCasesView> list,
    IHandler<OpenIntegrityCase, Guid> open) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The application the case is against, chosen from the year's.</summary>
    [BindProperty]
    public Guid? ApplicationId { get; set; }

    [BindProperty]
    public IntegrityCaseSource? Source { get; set; }

    /// <summary>The unit concerned, when not the applicant's own.</summary>
    [BindProperty]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public string? FirstNote { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IntegrityCasesView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        var caseId = await open.HandleAsync(new OpenIntegrityCase(ApplicationId, Source, UnitId, FirstNote, User.ToWorkflowActor()), cancellationToken);
        Message = "已立案。请在案件页面补充证据，核实后作出处理决定。";
        return RedirectToPage("./Case", new { id = caseId });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await list.HandleAsync(new ListIntegrityCases(Year, User.ToWorkflowActor()), cancellationToken);
}

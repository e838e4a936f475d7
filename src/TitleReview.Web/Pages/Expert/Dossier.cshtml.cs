using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.ExpertReview;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Expert;

/// <summary>An assigned candidate's dossier, read-only, with the earlier stages' results, the defense record and the expert's opinion.</summary>
public sealed class DossierModel(
    IHandler<OpenAssignedDossier, AssignedDossierOpened> open,
    IHandler<WriteOpinion, Guid> write) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public OpinionRecommendation? Recommendation { get; set; }

    [TempData]
    public string? Message { get; set; }

    public ExpertDossierView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var opened = await open.HandleAsync(new OpenAssignedDossier(Id, User.ToWorkflowActor()), cancellationToken);
        if (opened.View is not { } view)
        {
            return RedirectToPage("./Pledge", new { year = opened.PledgeYear });
        }

        View = view;
        Text = view.Opinion?.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostOpinionAsync(CancellationToken cancellationToken)
    {
        await write.HandleAsync(new WriteOpinion(Id, Text, Recommendation, User.ToWorkflowActor()), cancellationToken);
        Message = "评审意见已保存。";
        return RedirectToPage(new { id = Id });
    }

    /// <summary>After a refused opinion the page shows again; a dossier the expert may no longer open is not found.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = (await open.HandleAsync(new OpenAssignedDossier(Id, User.ToWorkflowActor()), cancellationToken)).View
            ?? throw new NotFoundException("该申报材料");
}

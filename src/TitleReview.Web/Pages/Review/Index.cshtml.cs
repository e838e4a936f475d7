using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Identity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Review;

/// <summary>The auditor's review of one dossier (the office reads the same page without the actions).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Roles = Roles.Auditor + "," + Roles.Office)]
public sealed class IndexModel(
    IHandler<GetDossier, DossierView> get,
    IHandler<VerifyItem, Guid> verify,
    IHandler<ReturnDossier, FireResult> returnDossier,
    IHandler<ApproveDossier, FireResult> approve) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DossierView Dossier { get; private set; } = null!;

    public bool CanReview => User.IsInRole(Roles.Auditor) && Dossier.AwaitingUnitReview;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(string itemKey, bool verified, CancellationToken cancellationToken)
    {
        await verify.HandleAsync(new VerifyItem(Id, itemKey, verified, User.ToWorkflowActor()), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReturnAsync(Dictionary<DossierSection, string?> reasons, Guid? dossierToken, CancellationToken cancellationToken)
    {
        await returnDossier.HandleAsync(new ReturnDossier(Id, reasons, dossierToken, User.ToWorkflowActor()), cancellationToken);
        Message = "已退回申报人修改，退回意见已显示在申报人的材料中。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid? instanceToken, CancellationToken cancellationToken)
    {
        await approve.HandleAsync(new ApproveDossier(Id, User.ToWorkflowActor(), instanceToken), cancellationToken);
        Message = "已审核通过。";
        return RedirectToPage(new { id = Id });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Dossier = await get.HandleAsync(new GetDossier(Id, User.ToWorkflowActor()), cancellationToken);
}

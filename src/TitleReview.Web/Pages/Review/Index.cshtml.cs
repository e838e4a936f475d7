using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Opinions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Identity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Review;

/// <summary>The auditor's review of one dossier (the office reads the same page without the actions).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Roles = Roles.Auditor + "," + Roles.Office + "," + Roles.Inspector)]
public sealed class IndexModel(
    IHandler<GetDossier, DossierView> get,
    IHandler<VerifyItem, Guid> verify,
    IHandler<ReturnDossier, FireResult> returnDossier,
    IHandler<ApproveDossier, FireResult> approve,
    IHandler<RecordReviewFormOpinions, OpinionsRecorded> recordOpinions) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DossierView Dossier { get; private set; } = null!;

    public bool CanReview => User.IsInRole(Roles.Auditor) && Dossier.AwaitingUnitReview;

    [TempData]
    public string? Message { get; set; }

    /// <summary>单位推荐意见 as typed (the saved text until the auditor changes it).</summary>
    [BindProperty]
    public string? UnitOpinion { get; set; }

    /// <summary>主管部门意见 as typed on the department's behalf.</summary>
    [BindProperty]
    public string? DepartmentOpinion { get; set; }

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

    public async Task<IActionResult> OnPostOpinionsAsync(Guid? dossierToken, CancellationToken cancellationToken)
    {
        var recorded = await recordOpinions.HandleAsync(new RecordReviewFormOpinions(Id, UnitOpinion, DepartmentOpinion, dossierToken, User.ToWorkflowActor()), cancellationToken);
        Message = !recorded.Changed ? "评审表意见未作改动。"
            : recorded.FormReissued ? "评审表意见已保存。此前生成的评审表已作废，请重新打印评审表（将使用新的编号和校验码）。"
            : "评审表意见已保存，打印评审表时将印在“单位推荐意见”“主管部门意见”栏内。";
        return RedirectToPage(new { id = Id });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Dossier = await get.HandleAsync(new GetDossier(Id, User.ToWorkflowActor()), cancellationToken);
        UnitOpinion ??= Dossier.Opinions?.UnitOpinion;
        DepartmentOpinion ??= Dossier.Opinions?.DepartmentOpinion;
    }
}

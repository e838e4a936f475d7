using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Integrity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Integrity;

/// <summary>One integrity case: findings, evidence (notes and scans), the application's state, and the decision (处理决定).</summary>
public sealed class CaseModel(
    IHandler<GetIntegrityCase, IntegrityCaseView> get,
    IHandler<AddIntegrityNote, Guid> addNote,
    IHandler<AddIntegrityScan, Guid> addScan,
    IHandler<DecideIntegrityCase, IntegrityCaseDecided> decide) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The case's token as the page showed it.</summary>
    [BindProperty]
    public Guid? CaseToken { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public IntegrityOutcome? Outcome { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    /// <summary>Whether the finding goes into the person's integrity record; the form proposes it.</summary>
    [BindProperty]
    public bool RecordFinding { get; set; } = true;

    [BindProperty]
    public IntegrityBanChoice Ban { get; set; }

    [BindProperty]
    public DateOnly? BanUntil { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IntegrityCaseView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        await addNote.HandleAsync(new AddIntegrityNote(Id, Note, CaseToken, User.ToWorkflowActor()), cancellationToken);
        Message = "已补充情况说明。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostScanAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await using var content = file?.OpenReadStream();
        await addScan.HandleAsync(new AddIntegrityScan(Id, content, file?.FileName, file?.Length, User.ToWorkflowActor()), cancellationToken);
        Message = $"已上传证据扫描件“{file!.FileName}”。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        var decided = await decide.HandleAsync(new DecideIntegrityCase(Id, Outcome, Reasons, RecordFinding, Ban, BanUntil, CaseToken, User.ToWorkflowActor()), cancellationToken);
        var ban = decided.BannedUntil is { } until ? $"，禁止申报至 {until:yyyy年M月d日}" : string.Empty;
        Message = decided.Outcome switch
        {
            IntegrityOutcome.Veto => $"已作出处理决定：{decided.ApplicantName}一票否决，本次申报评审未通过{ban}。",
            IntegrityOutcome.Revocation => $"已作出处理决定：撤销{decided.ApplicantName}的职称（证书 {decided.RevokedCertificateNumber}）{ban}。",
            _ => $"已作出处理决定：{decided.ApplicantName}不予认定，案件已结案。",
        };
        return RedirectToPage(new { id = Id });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetIntegrityCase(Id, User.ToWorkflowActor()), cancellationToken);
}

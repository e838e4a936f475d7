using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Applicant.Dossier;

/// <summary>The applicant's dossier: an overview with the completeness check, and one page per section.</summary>
public sealed class IndexModel(
    IHandler<GetDossier, DossierView> get,
    IHandler<SavePersonalInfo, DossierChange> savePersonal,
    IHandler<AddDossierItem, DossierChange> add,
    IHandler<DeleteDossierItem, DossierChange> delete,
    IHandler<UploadAttachment, AttachmentInfo> upload,
    IHandler<SubmitDossier, FireResult> submit) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "section")]
    public string? SectionSlug { get; set; }

    public DossierSection? Section => DossierSections.FromSlug(SectionSlug);

    public DossierView Dossier { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? SavedForm { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (SectionSlug is not null && Section is null)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPersonalAsync(
        string? currentTitle,
        CurrentTitleLevel? currentTitleLevel,
        DateOnly? currentTitleDate,
        string? currentPost,
        EvaluationType? evaluationType,
        bool fromCivilService,
        EducationDegree? educationDegree,
        string? educationSchool,
        int? graduationYear,
        Guid? dossierToken,
        CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(graduationYear), out var year) && year.Errors.Count > 0)
        {
            // The binder's English message gives way to the field's own.
            ModelState.Remove(nameof(graduationYear));
            throw new ValidationException(nameof(graduationYear), "毕业年份须填写四位数字，如 2005。");
        }

        await savePersonal.HandleAsync(
            new SavePersonalInfo(Id, currentTitle, currentTitleDate, currentPost, evaluationType, fromCivilService, dossierToken, User.ToWorkflowActor())
            {
                CurrentTitleLevel = currentTitleLevel,
                EducationDegree = educationDegree,
                EducationSchool = educationSchool,
                GraduationYear = graduationYear,
            },
            cancellationToken);
        return Saved("个人基本信息已保存。", "personal");
    }

    public async Task<IActionResult> OnPostAddAsync(DossierItemInput input, Guid? dossierToken, CancellationToken cancellationToken)
    {
        await add.HandleAsync(new AddDossierItem(Id, input, dossierToken, User.ToWorkflowActor()), cancellationToken);
        return Saved("已添加。请为该条记录上传扫描件。", input.Kind);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid itemId, Guid? dossierToken, CancellationToken cancellationToken)
    {
        await delete.HandleAsync(new DeleteDossierItem(Id, itemId, dossierToken, User.ToWorkflowActor()), cancellationToken);
        return Saved("已删除。", null);
    }

    public async Task<IActionResult> OnPostUploadAsync(string? slot, IFormFile? file, Guid? dossierToken, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw new ValidationException("file", "请选择要上传的文件。");
        }

        await using var content = file.OpenReadStream();
        var info = await upload.HandleAsync(new UploadAttachment(Id, slot, content, file.FileName, file.Length, dossierToken, User.ToWorkflowActor()), cancellationToken);
        return Saved($"已上传“{info.Name}”。", null);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid? instanceToken, CancellationToken cancellationToken)
    {
        await submit.HandleAsync(new SubmitDossier(Id, User.ToWorkflowActor(), instanceToken), cancellationToken);
        Message = "已提交，请等待本单位审核人审核。";
        return RedirectToPage(new { id = Id, section = (string?)null });
    }

    private IActionResult Saved(string message, string? form)
    {
        Message = message;
        SavedForm = form is null ? null : $"dossier-{Id}-{form}";
        return RedirectToPage(new { id = Id, section = SectionSlug });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Dossier = await get.HandleAsync(new GetDossier(Id, User.ToWorkflowActor()), cancellationToken);
}

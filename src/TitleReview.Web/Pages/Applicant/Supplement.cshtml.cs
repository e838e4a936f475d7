using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Applicant;

/// <summary>A failed applicant reads why and, during the publicity, uploads and submits supplements.</summary>
public sealed class SupplementModel(
    IHandler<GetSupplement, SupplementView> get,
    IHandler<UploadSupplementFile, SupplementFileInfo> upload,
    IHandler<RemoveSupplementFile, Guid> remove,
    IHandler<SubmitSupplement, FireResult> submit) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SupplementView View { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw new ValidationException("file", "请选择要上传的文件。");
        }

        await using var content = file.OpenReadStream();
        var info = await upload.HandleAsync(new UploadSupplementFile(Id, content, file.FileName, file.Length, User.ToWorkflowActor()), cancellationToken);
        Message = $"已上传“{info.Name}”。全部上传后，请填写说明并提交。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await remove.HandleAsync(new RemoveSupplementFile(Id, fileId, User.ToWorkflowActor()), cancellationToken);
        Message = "已删除该文件。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(string? note, CancellationToken cancellationToken)
    {
        await submit.HandleAsync(new SubmitSupplement(Id, note, User.ToWorkflowActor()), cancellationToken);
        Message = "补充材料已提交，请等待省政工职评办审核。";
        return RedirectToPage(new { id = Id });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetSupplement(Id, User.ToWorkflowActor()), cancellationToken);
}

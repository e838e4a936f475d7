using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Preliminary;

/// <summary>The office's list of failure reasons (不通过原因): add, rename, reorder, deactivate, delete an unused one.</summary>
public sealed class ReasonsModel(
    IHandler<ListFailureReasons, IReadOnlyList<FailureReasonRow>> list,
    IHandler<AddFailureReason, Guid> add,
    IHandler<RenameFailureReason, Guid> rename,
    IHandler<MoveFailureReason, Guid> move,
    IHandler<SetFailureReasonActive, Guid> setActive,
    IHandler<DeleteFailureReason, Guid> delete) : PageModel, IPageWithData
{
    /// <summary>The wording typed into the add form, or into the rename form of <see cref="EditedId"/>.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The reason whose rename form was posted: its field shows the message, the others keep their wording.</summary>
    [BindProperty]
    public Guid? EditedId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<FailureReasonRow> Reasons { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        EditedId = null;
        await add.HandleAsync(new AddFailureReason(Text, User.ToWorkflowActor()), cancellationToken);
        Message = $"已添加不通过原因“{Text!.Trim()}”。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        await rename.HandleAsync(new RenameFailureReason(EditedId ?? Guid.Empty, Text, User.ToWorkflowActor()), cancellationToken);
        Message = $"已改为“{Text!.Trim()}”；此前作出的结论仍保留当时的原因文字。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid reasonId, bool up, CancellationToken cancellationToken)
    {
        await move.HandleAsync(new MoveFailureReason(reasonId, up, User.ToWorkflowActor()), cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid reasonId, bool active, CancellationToken cancellationToken)
    {
        await setActive.HandleAsync(new SetFailureReasonActive(reasonId, active, User.ToWorkflowActor()), cancellationToken);
        Message = active ? "已重新启用，初审时可再选择。" : "已停用，初审时不再列出；已作出的结论不受影响。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid reasonId, CancellationToken cancellationToken)
    {
        await delete.HandleAsync(new DeleteFailureReason(reasonId, User.ToWorkflowActor()), cancellationToken);
        Message = "已删除。";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Reasons = await list.HandleAsync(new ListFailureReasons(User.ToWorkflowActor()), cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Domain.Workflows.Bulk;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Workflows;

/// <summary>One batch: its progress while the job runs (the page refreshes itself), then every instance's outcome.</summary>
public sealed class BatchModel(
    IHandler<GetBulkOperation, BulkOperationDto> get,
    IHandler<ResumeBulkOperation, Guid> resume) : PageModel
{
    public const int PageSize = 100;

    /// <summary>How often the page reloads itself while the batch runs (a meta refresh: no script needed).</summary>
    public const int RefreshSeconds = 3;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public BulkItemOutcome? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    public BulkOperationDto Batch { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await resume.HandleAsync(new ResumeBulkOperation(Id, User.ToWorkflowActor()), cancellationToken);
        Message = "已重新提交后台执行；已有结果的实例不会重复执行。";
        return RedirectToPage(new { id = Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Batch = await get.HandleAsync(new GetBulkOperation(Id, User.ToWorkflowActor(), Outcome, PageNumber, PageSize), cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Workflows;

public sealed class BatchesModel(IHandler<ListBulkOperations, PagedList<BulkOperationSummary>> list) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<BulkOperationSummary> Batches { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Batches = await list.HandleAsync(new ListBulkOperations(User.ToWorkflowActor(), PageNumber, PageSize), cancellationToken);
}

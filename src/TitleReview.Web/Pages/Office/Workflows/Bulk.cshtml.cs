using Microsoft.AspNetCore.Mvc;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Workflows;

/// <summary>
/// The office chooses one trigger, a reason (and an "until" for a reopening) for the instances
/// the monitor's filter finds or the ones ticked on its list, and starts the batch.
/// </summary>
public sealed class BulkModel(
    IHandler<PrepareBulkOperation, BulkOperationPreview> prepare,
    IHandler<CreateBulkOperation, Guid> create) : InstanceFilterPageModel, IPageWithData
{
    /// <summary>Whether the selection is the instances ticked on the monitor's list rather than every one the filter finds.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Ticked { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<Guid> Ids { get; set; } = [];

    [BindProperty]
    public string? Trigger { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateTime? Until { get; set; }

    public BulkOperationPreview Preview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var until = Until is { } u ? BeijingInput.FromInput(u, "until", "开放至") : (DateTimeOffset?)null;
        var id = await create.HandleAsync(new CreateBulkOperation(Selection, Trigger, Reason, until, User.ToWorkflowActor()), cancellationToken);
        return RedirectToPage("Batch", new { id });
    }

    public string MonitorLink => $"/Office/Workflows?{FilterQuery}";

    private BulkSelection Selection => new(Filter, Ticked ? Ids : null);

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Preview = await prepare.HandleAsync(new PrepareBulkOperation(Selection, User.ToWorkflowActor()), cancellationToken);
}

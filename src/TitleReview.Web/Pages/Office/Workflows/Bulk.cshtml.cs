using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Workflows;

/// <summary>
/// The office chooses one trigger, a reason (and an "until" for a reopening) for the instances
/// the monitor's filter finds or the ones ticked on its list, and starts the batch.
/// </summary>
public sealed class BulkModel(
    IHandler<PrepareBulkOperation, BulkOperationPreview> prepare,
    IHandler<CreateBulkOperation, Guid> create) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Definition { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public WorkflowStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Incidents { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Waiting { get; set; }

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
        await LoadAsync(cancellationToken);
        var until = Until is { } u ? BeijingInput.FromInput(u, "until", "开放至") : (DateTimeOffset?)null;
        var id = await create.HandleAsync(new CreateBulkOperation(Selection, Trigger, Reason, until, User.ToWorkflowActor()), cancellationToken);
        return RedirectToPage("Batch", new { id });
    }

    public string MonitorLink =>
        $"/Office/Workflows?year={Year}&definition={Definition}&state={State}&status={Status}&unit={Unit}&level={Level}&incidents={Incidents}&waiting={Waiting}";

    private BulkSelection Selection =>
        new(new InstanceFilter(Year, Definition, State, Status, Unit, Level, Incidents, Waiting), Ticked ? Ids : null);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Preview = await prepare.HandleAsync(new PrepareBulkOperation(Selection, User.ToWorkflowActor()), cancellationToken);
}

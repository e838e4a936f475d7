using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;

namespace TitleReview.Web.Pages.Office.Workflows;

/// <summary>
/// A page that works on the instances the monitor's filter finds (the monitor, the bulk
/// operation): the filter is bound from the same query-string names on both, so links carry it across.
/// </summary>
public abstract class InstanceFilterPageModel : PageModel
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

    public InstanceFilter Filter => new(Year, Definition, State, Status, Unit, Level, Incidents, Waiting);

    /// <summary>The filter as a query string, for links to the other page or another page of the list.</summary>
    public string FilterQuery =>
        $"year={Year}&definition={Definition}&state={State}&status={Status}&unit={Unit}&level={Level}&incidents={Incidents}&waiting={Waiting}";
}

using Microsoft.AspNetCore.Mvc;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Application.Home.GetMonitorView;
using TitleReview.Application.Workflows.Monitor;

namespace TitleReview.Web.Pages.Office.Workflows;

public sealed class IndexModel(
    IHandler<GetMonitorView, MonitorView> monitor,
    IWorkflowClock workflowClock,
    TimeProvider clock) : InstanceFilterPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<DefinitionChoice> Definitions { get; private set; } = [];

    public IReadOnlyList<UnitCard> Units { get; private set; } = [];

    public TimelineDto? Timeline { get; private set; }

    public StateCountsDto? Counts { get; private set; }

    public PagedList<InstanceListItem> Instances { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var view = await monitor.HandleAsync(new GetMonitorView(Filter, PageNumber, PageSize), cancellationToken);
        (Years, Definitions, Units, Timeline, Counts, Instances) = (view.Years, view.Definitions, view.Units, view.Timeline, view.Counts, view.Instances);
        if (view.Year is not null)
        {
            (Year, Definition) = (view.Year, view.DefinitionId);
        }
    }

    public async Task<IActionResult> OnPostRunClockAsync(CancellationToken cancellationToken)
    {
        var fired = await workflowClock.RunAsync(cancellationToken);
        Message = fired == 0 ? "系统时钟已运行：没有到期的定时任务。" : $"系统时钟已运行：触发了 {fired} 个到期的定时任务。";
        return RedirectToPage(new { year = Year, definition = Definition });
    }

    /// <summary>The bulk operation page for every instance the current filter finds.</summary>
    public string BulkLink => $"/Office/Workflows/Bulk?{FilterQuery}";
}

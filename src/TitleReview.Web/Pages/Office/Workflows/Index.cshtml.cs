using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;

namespace TitleReview.Web.Pages.Office.Workflows;

public sealed class IndexModel(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IWorkflowClock workflowClock,
    IHandler<GetStateCounts, StateCountsDto> counts,
    IHandler<ListInstances, PagedList<InstanceListItem>> list,
    IHandler<GetTimeline, TimelineDto> timeline,
    TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

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

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<(string Id, string Title)> Definitions { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public TimelineDto? Timeline { get; private set; }

    public StateCountsDto? Counts { get; private set; }

    public PagedList<InstanceListItem> Instances { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Years = await db.Campaigns.OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(cancellationToken);
        if (Years.Count == 0)
        {
            return;
        }

        Year = Year is { } y && Years.Contains(y) ? y : Years[0];
        Definitions = definitions.All.GroupBy(d => d.DefinitionId).Select(g => (g.Key, TitleOf(g.MaxBy(d => d.Version)!))).OrderBy(d => d.Key == "application" ? 0 : 1).ToList();
        Definition = Definitions.Any(d => d.Id == Definition) ? Definition : Definitions[0].Id;
        Units = (await db.Units.OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.Name)).ToList();

        Timeline = await timeline.HandleAsync(new GetTimeline(Year.Value), cancellationToken);
        Counts = await counts.HandleAsync(new GetStateCounts(Year.Value, Definition!), cancellationToken);
        Instances = await list.HandleAsync(
            new ListInstances(Year, Definition, State, Status, Unit, Level, Incidents, Waiting, PageNumber, PageSize),
            cancellationToken);
    }

    public async Task<IActionResult> OnPostRunClockAsync(CancellationToken cancellationToken)
    {
        var fired = await workflowClock.RunAsync(cancellationToken);
        Message = fired == 0 ? "系统时钟已运行：没有到期的定时任务。" : $"系统时钟已运行：触发了 {fired} 个到期的定时任务。";
        return RedirectToPage(new { year = Year, definition = Definition });
    }

    /// <summary>The definition's title, with what its cases are about when the title does not say it.</summary>
    private static string TitleOf(Domain.Workflows.Definitions.WorkflowDefinition definition)
    {
        var subject = WorkflowSubjectTypes.DisplayName(definition.SubjectType);
        return definition.Title.Contains(subject, StringComparison.Ordinal) ? definition.Title : $"{definition.Title}（{subject}）";
    }

    /// <summary>The bulk operation page for every instance the current filter finds.</summary>
    public string BulkLink =>
        $"/Office/Workflows/Bulk?year={Year}&definition={Definition}&state={State}&status={Status}&unit={Unit}&level={Level}&incidents={Incidents}&waiting={Waiting}";
}

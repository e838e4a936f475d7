using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Statistics;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Statistics;

/// <summary>
/// 统计分析: one campaign's applicants by level, region and unit nature, its funnel from registration
/// to certificate, pass rates per level, and every year side by side; each chart is an image from
/// <see cref="ChartModel"/> with its numbers in a table beside it.
/// </summary>
public sealed class IndexModel(IHandler<GetStatistics, StatisticsView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public StatisticsView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetStatistics(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }
}

/// <summary>A count per name (level, region, unit nature) as a table beside its chart.</summary>
public sealed record CountTableModel(string Id, string Heading, IReadOnlyList<NamedCount> Counts);

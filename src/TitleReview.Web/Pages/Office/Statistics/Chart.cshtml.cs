using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Statistics;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Charts;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Statistics;

/// <summary>
/// One chart of the statistics as a PNG (<c>/Office/Statistics/Chart?kind=funnel&amp;year=2023</c>);
/// <c>download=1</c> sends it as an attachment with a Chinese file name.
/// </summary>
public sealed class ChartModel(IHandler<GetStatistics, StatisticsView> get) : PageModel
{
    public async Task<IActionResult> OnGetAsync(ChartKind? kind, int? year, string? download, CancellationToken cancellationToken)
    {
        var chart = kind ?? ChartKind.Funnel;
        var view = await get.HandleAsync(new GetStatistics(year, User.ToWorkflowActor()), cancellationToken);
        var png = StatisticsCharts.Png(chart, view);
        Response.Headers.CacheControl = "private, no-store";
        return download is "1" or "true" ? File(png, "image/png", StatisticsCharts.FileName(chart, view.Year)) : File(png, "image/png");
    }
}

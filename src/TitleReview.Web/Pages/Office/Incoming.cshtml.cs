using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office;

public sealed class IncomingModel(
    IHandler<ListIncoming, IReadOnlyList<IncomingUnit>> list,
    IHandler<ExportIncoming, Spreadsheet<IncomingRow>> export,
    TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<IncomingUnit> Units { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year ?? BeijingTime.Today(clock).Year;
        Units = await list.HandleAsync(new ListIncoming(Year), cancellationToken);
    }

    /// <summary>The same list as an Excel sheet, one row per person.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? year, CancellationToken cancellationToken) =>
        new SpreadsheetResult<IncomingRow>(await export.HandleAsync(new ExportIncoming(year ?? BeijingTime.Today(clock).Year), cancellationToken));
}

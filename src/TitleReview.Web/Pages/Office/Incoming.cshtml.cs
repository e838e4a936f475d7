using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Home.GetIntakeOverview;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office;

/// <summary>
/// The office's view of the year's intake: per unit submitted to the office, its paper delivery and
/// its review fee, with its people and links to the counter, the reconciliation and the receipt.
/// </summary>
public sealed class IncomingModel(
    IHandler<GetIntakeOverview, IntakeOverview> overview,
    IHandler<ExportIncoming, Spreadsheet<IncomingRow>> export,
    IHandler<ExportIntakeByUnit, Spreadsheet<UnitIntake>> exportUnits,
    IHandler<ExportIntakeByPerson, Spreadsheet<PersonIntakeRow>> exportPeople,
    TimeProvider clock) : PageModel
{
    public IntakeOverview View { get; private set; } = null!;

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken) =>
        View = await overview.HandleAsync(new GetIntakeOverview(YearOr(year)), cancellationToken);

    /// <summary>The submitted dossiers as an Excel sheet, one row per person.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? year, CancellationToken cancellationToken) =>
        new SpreadsheetResult<IncomingRow>(await export.HandleAsync(new ExportIncoming(YearOr(year)), cancellationToken));

    /// <summary>Paper check-in and review fee, one row per unit.</summary>
    public async Task<IActionResult> OnGetExportUnitsAsync(int? year, CancellationToken cancellationToken) =>
        new SpreadsheetResult<UnitIntake>(await exportUnits.HandleAsync(new ExportIntakeByUnit(YearOr(year)), cancellationToken));

    /// <summary>Paper check-in per person, with the unit's review fee status.</summary>
    public async Task<IActionResult> OnGetExportPeopleAsync(int? year, CancellationToken cancellationToken) =>
        new SpreadsheetResult<PersonIntakeRow>(await exportPeople.HandleAsync(new ExportIntakeByPerson(YearOr(year)), cancellationToken));

    private int YearOr(int? year) => year ?? BeijingTime.Today(clock).Year;
}

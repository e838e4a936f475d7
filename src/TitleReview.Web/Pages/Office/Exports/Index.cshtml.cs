using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Applications.Exports;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Fees;
using TitleReview.Application.Home.GetIntakeOverview;
using TitleReview.Application.Units.Queries;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Exports;

/// <summary>
/// 数据导出: every Excel export of a year in one place, each a GET download (so the inspector may
/// download too). The sheets are the queries' own; the pages that show a list keep their buttons.
/// </summary>
public sealed class IndexModel(
    IHandler<GetExports, ExportsView> get,
    IHandler<ExportApplicants, Spreadsheet<ApplicantExportRow>> applicants,
    IHandler<ExportUnitPublicity, Spreadsheet<UnitPublicityRow>> unitPublicity,
    IHandler<ExportIncoming, Spreadsheet<IncomingRow>> incoming,
    IHandler<ExportPublicity, Spreadsheet<PublicityLine>> publicity,
    IHandler<ExportFees, Spreadsheet<FeeExportRow>> fees,
    IHandler<ExportIntakeByUnit, Spreadsheet<UnitIntake>> paperUnits,
    IHandler<ExportIntakeByPerson, Spreadsheet<PersonIntakeRow>> paperPeople,
    IHandler<ExportUnitAuditors, Spreadsheet<UnitAuditorRow>> unitAuditors,
    IHandler<ExportCertificates, Spreadsheet<CertificateExportRow>> certificates) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ExportsView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetExports(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }

    public Task<IActionResult> OnGetApplicantsAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(applicants, new ExportApplicants(year, User.ToWorkflowActor()), cancellationToken);

    public Task<IActionResult> OnGetUnitPublicityAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(unitPublicity, new ExportUnitPublicity(year, User.ToWorkflowActor()), cancellationToken);

    public Task<IActionResult> OnGetIncomingAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(incoming, new ExportIncoming(year), cancellationToken);

    /// <summary>A published list (preliminary results, committee list, committee results): the same sheet as its page's.</summary>
    public Task<IActionResult> OnGetPublicityAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(publicity, new ExportPublicity(id, User.ToWorkflowActor()), cancellationToken);

    public Task<IActionResult> OnGetFeesAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(fees, new ExportFees(year, User.ToWorkflowActor()), cancellationToken);

    public Task<IActionResult> OnGetPaperUnitsAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(paperUnits, new ExportIntakeByUnit(year), cancellationToken);

    public Task<IActionResult> OnGetPaperPeopleAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(paperPeople, new ExportIntakeByPerson(year), cancellationToken);

    public Task<IActionResult> OnGetUnitsAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(unitAuditors, new ExportUnitAuditors(year, User.ToWorkflowActor()), cancellationToken);

    public Task<IActionResult> OnGetCertificatesAsync(int year, CancellationToken cancellationToken) =>
        SendAsync(certificates, new ExportCertificates(year, User.ToWorkflowActor()), cancellationToken);

    private static async Task<IActionResult> SendAsync<TRequest, TRow>(IHandler<TRequest, Spreadsheet<TRow>> handler, TRequest request, CancellationToken cancellationToken) =>
        new SpreadsheetResult<TRow>(await handler.HandleAsync(request, cancellationToken));
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Publicities;

/// <summary>
/// 公示管理: publish the year's preliminary results (or read why not yet), the chosen publicity's
/// list as it stands, the HTML fragment and the Excel file for the 文明网 column, and the archive.
/// </summary>
public sealed class IndexModel(
    IHandler<GetOfficePublicities, OfficePublicitiesView> get,
    IHandler<PublishPreliminaryResults, PreliminaryResultsPublished> publish,
    IHandler<ExportPublicity, Spreadsheet<PublicityLine>> export) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public DateOnly? FirstDay { get; set; }

    [BindProperty]
    public int? WorkingDays { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [TempData]
    public string? Message { get; set; }

    public OfficePublicitiesView View { get; private set; } = null!;

    /// <summary>The chosen publicity as plain markup for the 文明网 column: no script, no class, no site style.</summary>
    public string Fragment { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        // A date or number the browser could not send right never reaches the command: say so in Chinese.
        if (Unreadable(nameof(FirstDay), "请按“年-月-日”填写公示期第一天。") | Unreadable(nameof(WorkingDays), "公示工作日数须为整数。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var published = await publish.HandleAsync(new PublishPreliminaryResults(Year ?? 0, FirstDay, WorkingDays, Title, User.ToWorkflowActor()), cancellationToken);
        Message = $"已发布“{published.Title}”，{published.PeriodText}：初审通过 {published.Passed} 人，未通过 {published.Failed} 人。已通知各申报人和单位审核人。";
        return RedirectToPage(new { year = Year, id = published.PublicityId });
    }

    /// <summary>The chosen publicity's list as an Excel sheet, the same columns as the public page.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        new SpreadsheetResult<PublicityLine>(await export.HandleAsync(new ExportPublicity(Id ?? Guid.Empty, User.ToWorkflowActor()), cancellationToken));

    private bool Unreadable(string key, string message)
    {
        if (ModelState[key] is not { Errors.Count: > 0 })
        {
            return false;
        }

        ModelState.Remove(key);
        ModelState.AddModelError(key, message);
        return true;
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetOfficePublicities(Year, Id, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        FirstDay ??= View.Form.DefaultFirstDay;
        WorkingDays ??= View.Form.DefaultWorkingDays;
        Title ??= View.Form.DefaultTitle;
        Fragment = View.Chosen is { } chosen ? PublicityFragment.Of(chosen.Title, chosen.PeriodText, PublicityColumns.PreliminaryResults, View.Lines) : string.Empty;
    }
}

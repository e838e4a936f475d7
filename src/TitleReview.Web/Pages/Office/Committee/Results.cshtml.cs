using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Committee;

/// <summary>
/// 评审结果: the committee's locked results per level, publishing them on the public site, the
/// published publicity's Excel file and HTML fragment, and where each unit's report-back stands.
/// </summary>
public sealed class ResultsModel(
    IHandler<GetCommitteeResults, CommitteeResultsView> get,
    IHandler<PublishCommitteeResults, CommitteeResultsPublished> publish,
    IHandler<ExportPublicity, Spreadsheet<PublicityLine>> export) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DateOnly? FirstDay { get; set; }

    [BindProperty]
    public int? WorkingDays { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [TempData]
    public string? Message { get; set; }

    public CommitteeResultsView View { get; private set; } = null!;

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

        var published = await publish.HandleAsync(new PublishCommitteeResults(Year ?? 0, FirstDay, WorkingDays, Title, User.ToWorkflowActor()), cancellationToken);
        Message = $"已发布“{published.Title}”，{published.PeriodText}：通过 {published.Passed} 人，未通过 {published.Failed} 人。已通知各申报人和 {published.Units} 个单位的审核人反馈公示情况。";
        return RedirectToPage(new { year = Year });
    }

    /// <summary>The published results as an Excel sheet, the same columns as the public page.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken) =>
        new SpreadsheetResult<PublicityLine>(await export.HandleAsync(new ExportPublicity(id, User.ToWorkflowActor()), cancellationToken));

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
        View = await get.HandleAsync(new GetCommitteeResults(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        FirstDay ??= View.Form.DefaultFirstDay;
        WorkingDays ??= View.Form.MinimumWorkingDays;
        Title ??= View.Form.DefaultTitle;
        Fragment = View.Published is { } published ? PublicityFragment.Of(published.Title, published.PeriodText, PublicityColumns.CommitteeResults, View.PublishedLines) : string.Empty;
    }
}

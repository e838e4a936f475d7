using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.CommitteeList;

/// <summary>
/// 送评名单: the year's list compiled per level with why each case is on it or not, the office's
/// removals and exceptions (each with a reason), publishing it, and the published list's Excel
/// file and HTML fragment for the 文明网 column.
/// </summary>
public sealed class IndexModel(
    IHandler<GetCommitteeList, CommitteeListView> get,
    IHandler<ChangeCommitteeList, FireResult> changeList,
    IHandler<PublishCommitteeList, CommitteeListPublished> publish,
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

    public CommitteeListView View { get; private set; } = null!;

    public string Fragment { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(Guid applicationId, CommitteeListChange? change, string? reason, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(change), "请选择名单调整的方式。") | Unreadable(nameof(applicationId), "请选择申报人。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await changeList.HandleAsync(new ChangeCommitteeList(applicationId, change, reason, User.ToWorkflowActor()), cancellationToken);
        Message = change switch
        {
            CommitteeListChange.Remove => "已调整为不列入送评名单。",
            CommitteeListChange.Keep => "已特例列入送评名单。",
            _ => "已撤销名单调整。",
        };
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        // A date or number the browser could not send right never reaches the command: say so in Chinese.
        if (Unreadable(nameof(FirstDay), "请按“年-月-日”填写公示期第一天。") | Unreadable(nameof(WorkingDays), "公示工作日数须为整数。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var published = await publish.HandleAsync(new PublishCommitteeList(Year ?? 0, FirstDay, WorkingDays, Title, User.ToWorkflowActor()), cancellationToken);
        Message = $"已发布“{published.Title}”，{published.PeriodText}：列入送评名单 {published.OnList} 人，未列入 {published.NotOnList} 人"
            + (published.Blocked > 0 ? $"，{published.Blocked} 人待诚信处理暂缓" : string.Empty)
            + "。已通知各申报人和单位审核人。";
        return RedirectToPage(new { year = Year });
    }

    /// <summary>The published list as an Excel sheet, the same columns as the public page.</summary>
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
        View = await get.HandleAsync(new GetCommitteeList(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        FirstDay ??= View.Form.DefaultFirstDay;
        WorkingDays ??= View.Form.DefaultWorkingDays;
        Title ??= View.Form.DefaultTitle;
        Fragment = View.Published is { } published ? PublicityFragment.Of(published.Title, published.PeriodText, PublicityColumns.CommitteeList, View.PublishedLines) : string.Empty;
    }
}

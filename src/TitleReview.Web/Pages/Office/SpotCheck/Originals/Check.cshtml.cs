using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Originals;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.SpotCheck.Originals;

/// <summary>One chosen person's originals, item by item beside the scans, and the conclusion (完成复核).</summary>
public sealed class CheckModel(
    IHandler<GetOriginalsCheck, OriginalsCheckView> get,
    IHandler<RecordOriginals, int> record,
    IHandler<ConcludeOriginalsCheck, OriginalsConcluded> conclude) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The items as ticked on the form.</summary>
    [BindProperty]
    public List<OriginalItemForm> Items { get; set; } = [];

    /// <summary>Why the check is concluded after the spot check closed.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The check's concurrency token as the page showed it.</summary>
    [BindProperty]
    public Guid? CheckToken { get; set; }

    [TempData]
    public string? Message { get; set; }

    public OriginalsCheckView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        var items = Items.Select(i => new OriginalItemInput(i.Key, i.Matches, i.Finding)).ToList();
        var count = await record.HandleAsync(new RecordOriginals(Id, items, CheckToken, User.ToWorkflowActor()), cancellationToken);
        Message = $"已保存 {count} 项原件核对结果。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostConcludeAsync(CancellationToken cancellationToken)
    {
        var concluded = await conclude.HandleAsync(new ConcludeOriginalsCheck(Id, Reason, CheckToken, User.ToWorkflowActor()), cancellationToken);
        Message = concluded.Matched
            ? $"{concluded.ApplicantName}的原件复核已完成：原件与扫描件一致。"
            : $"{concluded.ApplicantName}的原件复核已完成：原件与扫描件不一致，已立诚信案件，待诚信处理。";
        return RedirectToPage(new { id = Id });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetOriginalsCheck(Id, User.ToWorkflowActor()), cancellationToken);

    /// <summary>What the form shows for an item: what was just posted (after a refusal), else what is recorded.</summary>
    public (bool? Matches, string? Finding) Shown(OriginalItemView item)
    {
        var posted = Items.FirstOrDefault(i => i.Key == item.Key);
        return posted is null ? (item.Matches, item.Finding) : (posted.Matches, posted.Finding);
    }

    /// <summary>The field messages for one row of the form.</summary>
    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}

public sealed class OriginalItemForm
{
    public string? Key { get; set; }

    public bool? Matches { get; set; }

    public string? Finding { get; set; }
}

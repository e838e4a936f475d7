using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Domain.Integrity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Integrity;

/// <summary>
/// The units' integrity negative list (诚信负面清单): put a unit on it with the reason, the period and
/// the corrective action, end a listing early with a note, publish a listing on the public list.
/// </summary>
public sealed class NegativeListModel(
    IHandler<GetNegativeList, NegativeListView> get,
    IHandler<PutUnitOnNegativeList, Guid> put,
    IHandler<EndNegativeListing, Guid> end,
    IHandler<PublishNegativeListing, Guid> publish) : PageModel, IPageWithData
{
    [BindProperty]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? CorrectiveAction { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    /// <summary>The listing whose end or publish form was posted: its fields show the messages.</summary>
    [BindProperty]
    public Guid? EditedId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    [TempData]
    public string? Message { get; set; }

    public NegativeListView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        From = View.Today;
        To = View.Today.AddYears(1).AddDays(-1);
    }

    public async Task<IActionResult> OnPostPutAsync(CancellationToken cancellationToken)
    {
        EditedId = null;
        ModelState.Remove(nameof(From));
        ModelState.Remove(nameof(To));
        await put.HandleAsync(new PutUnitOnNegativeList(UnitId, Reason, CorrectiveAction, From, To, User.ToWorkflowActor()), cancellationToken);
        Message = $"已列入诚信负面清单（{IntegrityDates.Format(From!.Value)} 至 {IntegrityDates.Format(To!.Value)}），尚未公布。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken)
    {
        await end.HandleAsync(new EndNegativeListing(EditedId ?? Guid.Empty, Note, User.ToWorkflowActor()), cancellationToken);
        Message = "已提前移出诚信负面清单。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Until));
        await publish.HandleAsync(new PublishNegativeListing(EditedId ?? Guid.Empty, Until, User.ToWorkflowActor()), cancellationToken);
        Message = $"已公布，公示页显示至 {IntegrityDates.Format(Until!.Value)}。";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetNegativeList(User.ToWorkflowActor()), cancellationToken);

    /// <summary>What the publish form proposes: a year after the listing's last day.</summary>
    public static DateOnly DefaultPublishedUntil(NegativeListRow row) => row.LastDay.AddYears(1);
}

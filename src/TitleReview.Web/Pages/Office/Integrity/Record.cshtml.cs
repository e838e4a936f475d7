using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Integrity;

/// <summary>
/// The integrity record (诚信档案): search by ID number or name, each person's findings and bans, and a
/// finding added by hand with a ban (three years from today by default, adjustable, or none).
/// </summary>
public sealed class RecordModel(
    IHandler<SearchIntegrityRecord, IntegrityRecordView> search,
    IHandler<AddIntegrityFinding, Guid> add) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? PersonName { get; set; }

    [BindProperty]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public string? Finding { get; set; }

    [BindProperty]
    public bool Ban { get; set; } = true;

    [BindProperty]
    public DateOnly? BannedUntil { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IntegrityRecordView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        BannedUntil = View.DefaultBanUntil;
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        // A date the browser did not send as one is the handler's field message, not the binder's.
        ModelState.Remove(nameof(BannedUntil));
        await add.HandleAsync(new AddIntegrityFinding(IdNumber, PersonName, UnitId, Finding, Ban, BannedUntil, User.ToWorkflowActor()), cancellationToken);
        Message = Ban ? $"已记入诚信档案，并限制申报至 {TitleReview.Domain.Integrity.IntegrityDates.Format(BannedUntil!.Value)}。" : "已记入诚信档案（不限制申报）。";
        return RedirectToPage(new { q = IdNumber!.Trim().ToUpperInvariant() });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await search.HandleAsync(new SearchIntegrityRecord(Q, User.ToWorkflowActor()), cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Paper;

/// <summary>
/// The counter (纸质材料接收): pick the campaign and the unit, open its delivery, scan each
/// envelope's label (a USB scanner types the code and Enter) and tick the person's checklist.
/// </summary>
public sealed class IndexModel(
    IHandler<GetPaperCounter, PaperCounterView> get,
    IHandler<OpenPaperDelivery, Guid> open,
    IHandler<FindEnvelope, Guid> find,
    IHandler<CheckInEnvelope, EnvelopeCheckedIn> checkIn,
    IHandler<GrantPaperException, int> grant) : PageModel, IPageWithData
{
    public sealed class ItemInput
    {
        public int Number { get; set; }

        public ItemStatus? Status { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ApplicationId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PaperCounterView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        await open.HandleAsync(new OpenPaperDelivery(Year ?? 0, UnitId ?? Guid.Empty, User.ToWorkflowActor()), cancellationToken);
        Message = "已开启该单位的纸质材料接收，请逐袋扫描档案袋标签。";
        return Here(null);
    }

    public async Task<IActionResult> OnPostScanAsync(string? code, CancellationToken cancellationToken)
    {
        var found = await find.HandleAsync(new FindEnvelope(Year ?? 0, UnitId ?? Guid.Empty, code, User.ToWorkflowActor()), cancellationToken);
        return Here(found);
    }

    public async Task<IActionResult> OnPostCheckInAsync(List<ItemInput> items, CancellationToken cancellationToken)
    {
        var done = await checkIn.HandleAsync(
            new CheckInEnvelope(Year ?? 0, UnitId ?? Guid.Empty, ApplicationId ?? Guid.Empty, items.Select(i => new ItemCheck(i.Number, i.Status, i.Note)).ToList(), User.ToWorkflowActor()),
            cancellationToken);
        Message = done.Complete
            ? $"{done.ApplicantName}的档案袋已接收，材料齐全。请扫描下一袋。"
            : $"{done.ApplicantName}的档案袋已接收，材料不全：{done.Shortfall}。请扫描下一袋。";
        return Here(null);
    }

    public async Task<IActionResult> OnPostExceptionAsync(string? reason, DateTime? until, CancellationToken cancellationToken)
    {
        var instant = until is { } u ? BeijingInput.FromInput(u, "until", "特例接收截止时间") : (DateTimeOffset?)null;
        var count = await grant.HandleAsync(
            new GrantPaperException(Year ?? 0, UnitId ?? Guid.Empty, reason, instant, User.ToWorkflowActor()),
            cancellationToken);
        Message = $"已为该单位办理特例接收（涉及 {count} 人），截止 {until:yyyy年M月d日 HH:mm}。";
        return Here(null);
    }

    private RedirectToPageResult Here(Guid? applicationId) =>
        RedirectToPage(new { year = Year, unitId = UnitId, search = Search, applicationId });

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetPaperCounter(Year, Search, UnitId, ApplicationId, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Certificates;

/// <summary>证书套打版式: where each field lands on the pre-printed certificate (mm from the top-left corner, font size in pt), and a test print with sample data.</summary>
public sealed class LayoutModel(
    IHandler<GetPrintLayout, PrintLayoutPage> get,
    IHandler<SavePrintLayout, Guid> save) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public decimal? SheetWidthMm { get; set; }

    [BindProperty]
    public decimal? SheetHeightMm { get; set; }

    [BindProperty]
    public List<PositionInput> Positions { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public PrintLayoutPage View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "位置、大小须为数字（可带一位小数）。");
            await LoadAsync(cancellationToken);
            return Page();
        }

        await save.HandleAsync(
            new SavePrintLayout(Year ?? 0, SheetWidthMm, SheetHeightMm, [.. Positions.Select(p => new PrintPositionInput(p.Field, p.XMm, p.YMm, p.Size))], User.ToWorkflowActor()),
            cancellationToken);
        Message = "已保存套打版式。请用白纸试打印，与证书模板比对后再正式打印。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetPrintLayout(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        SheetWidthMm ??= View.Layout.SheetWidthMm;
        SheetHeightMm ??= View.Layout.SheetHeightMm;
        if (Positions.Count == 0)
        {
            Positions = [.. View.Layout.Positions.Select(p => new PositionInput { Field = p.Field, XMm = p.XMm, YMm = p.YMm, Size = p.Size })];
        }
    }

    public sealed class PositionInput
    {
        public PrintField Field { get; set; }

        public decimal? XMm { get; set; }

        public decimal? YMm { get; set; }

        public decimal? Size { get; set; }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

/// <summary>
/// 评审结果反馈: once the committee's results are public, the unit's own candidates and results,
/// and the unit's report that it publicised them internally, with any objections received.
/// </summary>
public sealed class ResultsModel(
    IHandler<GetUnitResults, UnitResultsView> get,
    IHandler<SubmitResultsReport, Guid> submit) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DateOnly? PublicisedFrom { get; set; }

    [BindProperty]
    public DateOnly? PublicisedTo { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public List<ObjectionInput> Objections { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public UnitResultsView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(PublicisedFrom), "请按“年-月-日”填写公示开始日期。") | Unreadable(nameof(PublicisedTo), "请按“年-月-日”填写公示结束日期。") | UnreadableObjections())
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await submit.HandleAsync(new SubmitResultsReport(Year ?? 0, PublicisedFrom, PublicisedTo, Place, Objections, User.ToWorkflowActor()), cancellationToken);
        Message = "已提交评审结果公示反馈；反馈截止前可修改后重新提交。";
        return RedirectToPage(new { year = Year });
    }

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

    private bool UnreadableObjections()
    {
        var broken = ModelState.Where(e => e.Key.StartsWith(nameof(Objections), StringComparison.OrdinalIgnoreCase) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        foreach (var key in broken)
        {
            ModelState.Remove(key);
        }

        if (broken.Count > 0)
        {
            ModelState.AddModelError("objections", "异议所针对的人员无法识别，请重新选择。");
        }

        return broken.Count > 0;
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetUnitResults(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        if (View.Report is { } report && !Request.HasFormContentType)
        {
            PublicisedFrom ??= report.PublicisedFrom;
            PublicisedTo ??= report.PublicisedTo;
            Place ??= report.Place;
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.SpotCheck;

/// <summary>
/// 抽查复核: define the year's draw (editable until the commitment), publish the commitment, draw
/// with the public value, then read who was chosen and the journal of every step.
/// </summary>
public sealed class IndexModel(
    IHandler<GetOfficeSpotCheck, OfficeSpotCheckView> get,
    IHandler<DefineSpotCheck, Guid> define,
    IHandler<CommitSpotCheck, SpotCheckCommitted> commit,
    IHandler<DrawSpotCheck, SpotCheckDrawn> draw) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DrawMode UnitsMode { get; set; } = DrawMode.Percent;

    [BindProperty]
    public int? UnitsValue { get; set; }

    [BindProperty]
    public bool EveryoneInUnit { get; set; } = true;

    [BindProperty]
    public int? PersonsPerUnit { get; set; }

    [BindProperty]
    public DrawMode AcrossMode { get; set; }

    [BindProperty]
    public int? AcrossValue { get; set; }

    [BindProperty]
    public bool AcrossPerLevel { get; set; }

    [BindProperty]
    public DateOnly? OriginalsDueOn { get; set; }

    [BindProperty]
    public DateTime? DrawAt { get; set; }

    [BindProperty]
    public string? PublicValueSource { get; set; }

    [BindProperty]
    public string? PublicValue { get; set; }

    [TempData]
    public string? Message { get; set; }

    public OfficeSpotCheckView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDefineAsync(CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(UnitsValue), "抽取单位的数量或比例须为整数。") | Unreadable(nameof(PersonsPerUnit), "每单位抽取人数须为整数。")
            | Unreadable(nameof(AcrossValue), "抽取人员的数量或比例须为整数。") | Unreadable(nameof(OriginalsDueOn), "请按“年-月-日”填写原件报送截止日期。")
            | Unreadable(nameof(UnitsMode), "请选择抽取单位的方式。") | Unreadable(nameof(AcrossMode), "请选择抽取人员的方式。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await define.HandleAsync(
            new DefineSpotCheck(Year ?? 0, UnitsMode, UnitsValue, EveryoneInUnit ? null : PersonsPerUnit ?? 0, AcrossMode, AcrossValue, AcrossPerLevel, OriginalsDueOn, User.ToWorkflowActor()),
            cancellationToken);
        Message = "抽取规则已保存。公布抽查承诺之前仍可修改。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(DrawAt), "请按“年-月-日 时:分”填写抽取时间（北京时间）。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var drawAt = DrawAt is { } local ? BeijingInput.FromInput(local, nameof(DrawAt), "抽取时间") : (DateTimeOffset?)null;
        var committed = await commit.HandleAsync(new CommitSpotCheck(Year ?? 0, drawAt, PublicValueSource, User.ToWorkflowActor()), cancellationToken);
        Message = $"抽查承诺已公布：候选单位 {committed.Units} 个、申报人 {committed.Candidates} 人，将于 {BeijingTime.Format(committed.DrawAt)} 抽取。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostDrawAsync(CancellationToken cancellationToken)
    {
        var drawn = await draw.HandleAsync(new DrawSpotCheck(Year ?? 0, PublicValue, User.ToWorkflowActor()), cancellationToken);
        Message = $"已抽取：抽中单位 {drawn.Units} 个、申报人 {drawn.Persons} 人，种子已公开，已通知抽中单位的审核人和申报人。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetOfficeSpotCheck(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        if (Request.Method == HttpMethods.Get && View.Draw is { } d)
        {
            var rules = d.Rules;
            (UnitsMode, UnitsValue, AcrossMode, AcrossValue, AcrossPerLevel) = (rules.Units.Mode, rules.Units.Mode == DrawMode.None ? null : rules.Units.Value, rules.Across.Mode, rules.Across.Mode == DrawMode.None ? null : rules.Across.Value, rules.AcrossPerLevel);
            (EveryoneInUnit, PersonsPerUnit, OriginalsDueOn) = (rules.PersonsPerUnit is null, rules.PersonsPerUnit, rules.OriginalsDueOn);
        }
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
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Forming;
using TitleReview.Application.Campaigns.ChangeCommitteeTerms;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Campaigns;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Committee;

/// <summary>
/// 评审委员会: the year's committee formed (or re-formed as a whole) from the active experts, each
/// member's pledge and automatic recusals, the members per level against the quorum, and the
/// committee's terms (议事规则) with the national defaults beside them.
/// </summary>
public sealed class IndexModel(
    IHandler<GetCommitteePage, CommitteePageView> get,
    IHandler<FormCommittee, CommitteeFormed> form,
    IHandler<ChangeCommitteeTerms, CommitteeTerms> changeTerms) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    [Display(Name = "评审委员会名称")]
    [StringLength(FormCommittee.MaxNameLength, ErrorMessage = FieldMessages.TooLong)]
    public string? Name { get; set; }

    [BindProperty]
    public List<SeatInput> Seats { get; set; } = [];

    [BindProperty]
    public Guid? ExpectedToken { get; set; }

    [BindProperty]
    public TermsInput Terms { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public CommitteePageView View { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostFormAsync(CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(Seats), "请为每位成员选择职务和评审等级分组。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var formed = await form.HandleAsync(
            new FormCommittee(Year ?? 0, Name, Seats.Select(s => new CommitteeSeatInput(s.ExpertId, s.Role, s.LevelGroup)).ToList(), ExpectedToken, User.ToWorkflowActor()),
            cancellationToken);
        Message = $"已{(formed.Reformed ? "调整" : "组建")}“{formed.Name}”，共 {formed.Members} 人。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostTermsAsync(CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(Terms), "请填写整数。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var terms = await changeTerms.HandleAsync(
            new ChangeCommitteeTerms(Year ?? 0, Terms.QuorumNumerator, Terms.QuorumDenominator, Terms.PassNumerator, Terms.PassDenominator, Terms.DefenseNoticeDays, Terms.ResultsPublicityWorkingDays, User.ToWorkflowActor()),
            cancellationToken);
        Message = $"已保存评审委员会议事规则：{ChangeCommitteeTerms.Describe(terms)}。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetCommitteePage(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
        Name ??= View.Name;
        ExpectedToken ??= View.ConcurrencyToken;
        if (Seats.Count == 0)
        {
            Seats = View.Experts.Select(e => new SeatInput { ExpertId = e.ExpertId, Role = e.Role, LevelGroup = e.LevelGroup }).ToList();
        }

        if (Terms is { QuorumNumerator: null, QuorumDenominator: null, PassNumerator: null, PassDenominator: null, DefenseNoticeDays: null, ResultsPublicityWorkingDays: null })
        {
            var current = View.Terms.Current;
            Terms = new TermsInput
            {
                QuorumNumerator = current.QuorumNumerator,
                QuorumDenominator = current.QuorumDenominator,
                PassNumerator = current.PassNumerator,
                PassDenominator = current.PassDenominator,
                DefenseNoticeDays = current.DefenseNoticeDays,
                ResultsPublicityWorkingDays = current.ResultsPublicityWorkingDays,
            };
        }
    }

    /// <summary>A value the browser could not send right never reaches the command: each such field says so in Chinese.</summary>
    private bool Unreadable(string prefix, string message)
    {
        var keys = ModelState.Where(e => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        foreach (var key in keys)
        {
            ModelState.Remove(key);
            ModelState.AddModelError(key, message);
        }

        return keys.Count > 0;
    }

    public sealed class SeatInput
    {
        public Guid ExpertId { get; set; }

        [Display(Name = "职务")]
        public CommitteeRole? Role { get; set; }

        [Display(Name = "评审等级分组")]
        public TitleLevel? LevelGroup { get; set; }
    }

    public sealed class TermsInput
    {
        [Display(Name = "到会人数比例（分子）")]
        public int? QuorumNumerator { get; set; }

        [Display(Name = "到会人数比例（分母）")]
        public int? QuorumDenominator { get; set; }

        [Display(Name = "通过票数比例（分子）")]
        public int? PassNumerator { get; set; }

        [Display(Name = "通过票数比例（分母）")]
        public int? PassDenominator { get; set; }

        [Display(Name = "答辩安排提前公布天数")]
        public int? DefenseNoticeDays { get; set; }

        [Display(Name = "评审结果公示工作日数")]
        public int? ResultsPublicityWorkingDays { get; set; }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Campaigns.UpdateStageWindow;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Campaigns;

public sealed class TimelineModel(
    IHandler<GetTimelineView, TimelineView> timeline,
    IHandler<UpdateStageWindow, Guid> update,
    IHandler<UpdateLevelRule, Domain.Applications.LevelRule> updateRule) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty]
    public string? StageKey { get; set; }

    [BindProperty]
    public DateTime? OpensAt { get; set; }

    [BindProperty]
    public DateTime? ClosesAt { get; set; }

    [BindProperty]
    public Guid? ExpectedToken { get; set; }

    [TempData]
    public string? Message { get; set; }

    public TimelineDto Timeline { get; private set; } = null!;

    public IReadOnlyList<JournalRow> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        StageKey = null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var stage = Timeline.Stages.FirstOrDefault(s => s.Key == StageKey);
        if (stage is null)
        {
            ModelState.AddModelError(string.Empty, "请选择要修改的阶段。");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "开始时间或结束时间格式不正确，请按“年-月-日 时:分:秒”填写。");
            return Page();
        }

        await update.HandleAsync(new UpdateStageWindow(Timeline.CampaignId, stage.Key, OpensAt, ClosesAt, ExpectedToken, User.ToWorkflowActor()), cancellationToken);
        Message = $"已保存“{stage.Name}”的时间，相关定时任务已随之调整。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostRuleAsync(
        Domain.Applications.TitleLevel? level,
        int? hoursPerYear,
        int? educationYears,
        int? requiredWordCount,
        int? requiredPapers,
        int? minYearsInCurrentTitle,
        decimal? reviewFee,
        int? professionalShareNumerator,
        int? professionalShareDenominator,
        bool skippingAllowed,
        bool firstEvaluationOpen,
        CancellationToken cancellationToken)
    {
        StageKey = null;
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "申报条件须填写整数，评审费须填写金额（如 300 或 300.50），未设定可留空。");
            return Page();
        }

        var rule = await updateRule.HandleAsync(new UpdateLevelRule(Timeline.CampaignId, level, hoursPerYear, educationYears, requiredWordCount, requiredPapers, minYearsInCurrentTitle, User.ToWorkflowActor()) 
            {
                ReviewFee = reviewFee,
                ProfessionalShareNumerator = professionalShareNumerator,
                ProfessionalShareDenominator = professionalShareDenominator,
                SkippingAllowed = skippingAllowed,
                FirstEvaluationOpen = firstEvaluationOpen,
            },
            cancellationToken);
        Message = $"已保存{Domain.Applications.TitleLevels.DisplayName(rule.Level)}的申报条件。";
        return RedirectToPage(new { year = Year });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var view = await timeline.HandleAsync(new GetTimelineView(Year, User.ToWorkflowActor()), cancellationToken);
        (Timeline, Changes) = (view.Timeline, view.Changes);
    }
}

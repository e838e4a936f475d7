using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Feedback;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

/// <summary>After the publicity of the preliminary results, the unit's auditor records each applicant's result and submits them.</summary>
public sealed class FeedbackModel(
    IHandler<GetUnitFeedback, UnitFeedbackView> get,
    IHandler<RecordFeedback, Guid> record,
    IHandler<SubmitUnitFeedback, int> submit) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public UnitFeedbackView View { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRecordAsync(Guid applicationId, FeedbackOutcome? outcome, string? objection, string? handling, CancellationToken cancellationToken)
    {
        await record.HandleAsync(new RecordFeedback(applicationId, outcome, objection, handling, User.ToWorkflowActor()), cancellationToken);
        Message = "已保存公示结果，提交前可修改。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        var count = await submit.HandleAsync(new SubmitUnitFeedback(Year, User.ToWorkflowActor()), cancellationToken);
        Message = $"已将 {count} 人的公示结果反馈提交省政工职评办。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetUnitFeedback(Year, User.ToWorkflowActor()), cancellationToken);
}

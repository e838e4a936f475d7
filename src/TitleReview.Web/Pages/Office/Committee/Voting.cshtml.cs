using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Voting;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Committee;

/// <summary>
/// 评审表决: per level the office opens the session with the members present (only with the
/// quorum), follows who has voted (never how), asks for a re-vote with a reason, closes the
/// session, and reads the locked tally.
/// </summary>
public sealed class VotingModel(
    IHandler<GetVotingDesk, VotingDeskView> get,
    IHandler<OpenVotingSession, Guid> open,
    IHandler<RequestRevote, Guid> revote,
    IHandler<CloseVotingSession, VotingSessionClosed> close) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Message { get; set; }

    public VotingDeskView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(TitleLevel? level, List<Guid>? present, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(level), "请选择评审等级。") | Unreadable(nameof(present), "请勾选到会的评委。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await open.HandleAsync(new OpenVotingSession(Year ?? 0, level, present, User.ToWorkflowActor()), cancellationToken);
        Message = $"{TitleLevels.DisplayName(level!.Value)}评审表决已开始，到会评委 {present!.Distinct().Count()} 人。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostRevoteAsync(Guid sessionId, Guid applicationId, string? reason, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(sessionId), "请选择评审表决。") | Unreadable(nameof(applicationId), "请选择申报人。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await revote.HandleAsync(new RequestRevote(sessionId, applicationId, reason, User.ToWorkflowActor()), cancellationToken);
        Message = "已申请重新表决，待主任委员确认。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(sessionId), "请选择评审表决。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var closed = await close.HandleAsync(new CloseVotingSession(sessionId, User.ToWorkflowActor()), cancellationToken);
        Message = $"表决已结束，结果已锁定：通过 {closed.Passed} 人，未通过 {closed.Failed} 人。";
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

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetVotingDesk(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }
}

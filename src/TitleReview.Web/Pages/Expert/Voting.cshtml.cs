using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Voting;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Expert;

/// <summary>
/// 评审表决 for an expert: the open sessions they are present at, one secret ballot per candidate
/// (recused candidates shown without a choice), and, for the chair, the office's re-vote requests
/// to confirm. An expert who has not accepted the campaign's pledge goes to the pledge first.
/// </summary>
public sealed class VotingModel(
    IHandler<GetExpertVoting, ExpertVotingView> get,
    IHandler<CastBallots, int> cast,
    IHandler<ConfirmRevote, Guid> confirm) : PageModel, IPageWithData
{
    private const string ChoicePrefix = "choices[";

    [TempData]
    public string? Message { get; set; }

    public ExpertVotingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);

        // The pledge page belongs to the expert's side of the committee; it takes the campaign's year.
        return View is { Seated: true, Pledged: false, Year: { } year } ? Redirect($"/Expert/Pledge?year={year}") : Page();
    }

    public async Task<IActionResult> OnPostCastAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (ModelState[nameof(sessionId)] is { Errors.Count: > 0 })
        {
            return NotFound();
        }

        // A choice the form could not send right counts as no choice: the command names the field.
        var choices = Request.Form.Keys
            .Where(k => k.StartsWith(ChoicePrefix, StringComparison.Ordinal) && k.EndsWith(']'))
            .Select(k => (Key: Guid.TryParse(k[ChoicePrefix.Length..^1], out var id) ? id : (Guid?)null, Value: Request.Form[k].ToString()))
            .Where(x => x.Key is not null)
            .ToDictionary(x => x.Key!.Value, x => Enum.TryParse<BallotChoice>(x.Value, out var c) && Enum.IsDefined(c) ? c : (BallotChoice?)null);
        var count = await cast.HandleAsync(new CastBallots(sessionId, choices, User.ToWorkflowActor()), cancellationToken);
        Message = $"已提交 {count} 张表决票。表决以无记名方式进行，任何人无法查看您的表决意见。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid sessionId, Guid applicationId, CancellationToken cancellationToken)
    {
        if (ModelState[nameof(sessionId)] is { Errors.Count: > 0 } || ModelState[nameof(applicationId)] is { Errors.Count: > 0 })
        {
            return NotFound();
        }

        await confirm.HandleAsync(new ConfirmRevote(sessionId, applicationId, User.ToWorkflowActor()), cancellationToken);
        Message = "已确认重新表决，请各位评委重新投票。";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetExpertVoting(User.ToWorkflowActor()), cancellationToken);
}

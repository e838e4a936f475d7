using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Units.ReplaceAuditor;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Application.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Units;

public sealed class RegistrationModel(
    IHandler<GetRegistrationView, RegistrationView> view,
    IHandler<ApproveRegistration, AuditorAccountIssued> approve,
    IHandler<RejectRegistration, FireResult> reject,
    IHandler<ReissueActivation, AuditorAccountIssued> reissue,
    IHandler<ReissueAccessToken, IReadOnlyList<string>> reissueToken,
    IHandler<ReplaceAuditor, AuditorAccountIssued> replace) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [TempData]
    public string? Message { get; set; }

    public RegistrationDetail Detail { get; private set; } = null!;

    public AccountState? Account { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid? expectedToken, CancellationToken cancellationToken)
    {
        var account = await approve.HandleAsync(new ApproveRegistration(Id, User.ToWorkflowActor(), expectedToken), cancellationToken);
        return Done($"已审核通过，审核人账号为 {account.UserName}。{SentText(account)}");
    }

    public async Task<IActionResult> OnPostRejectAsync(string? reason, Guid? expectedToken, CancellationToken cancellationToken)
    {
        await reject.HandleAsync(new RejectRegistration(Id, reason, User.ToWorkflowActor(), expectedToken), cancellationToken);
        return Done("已退回该报送，原因已通知单位。");
    }

    public async Task<IActionResult> OnPostReissueAsync(CancellationToken cancellationToken)
    {
        var account = await reissue.HandleAsync(new ReissueActivation(Id, User.ToWorkflowActor()), cancellationToken);
        return Done($"已重新生成激活链接，此前的链接作废。{SentText(account)}");
    }

    public async Task<IActionResult> OnPostReplaceAsync(string? newName, string? newMobile, string? newLandline, string? newQq, string? newEmail, string? replaceReason, CancellationToken cancellationToken)
    {
        var account = await replace.HandleAsync(new ReplaceAuditor(Id, newName, newMobile, newLandline, newQq, newEmail, replaceReason, User.ToWorkflowActor()), cancellationToken);
        return Done($"已更换审核人，新账号为 {account.UserName}，原账号已停用。{SentText(account)}");
    }

    public async Task<IActionResult> OnPostReissueTokenAsync(CancellationToken cancellationToken)
    {
        var sentTo = await reissueToken.HandleAsync(new ReissueAccessToken(Id, User.ToWorkflowActor()), cancellationToken);
        return Done($"已重新生成查询码并发送至填报人{string.Join("、", sentTo)}，此前的查询码作废。");
    }

    private static string SentText(AuditorAccountIssued account) => account.SentTo.Count == 0
        ? "审核人未留可用的手机号或邮箱，请核实后更换审核人。"
        : account.ActivationExpiresAt is null
            ? $"该账号已激活，已通知审核人（{string.Join("、", account.SentTo)}）。"
            : $"激活链接已发送至审核人{string.Join("、", account.SentTo)}（不在页面显示）。";

    private IActionResult Done(string message)
    {
        Message = message;
        return RedirectToPage(new { id = Id });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var shown = await view.HandleAsync(new GetRegistrationView(Id, User.ToWorkflowActor()), cancellationToken);
        (Detail, Account) = (shown.Detail, shown.Account);
    }
}

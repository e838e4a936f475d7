using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Accounts;

/// <summary>One account and what the office may do to it; every action needs a reason.</summary>
public sealed class DetailModel(AccountAdministration admin) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public AccountListItem Account { get; private set; } = null!;

    public string? Message { get; private set; }

    public bool CanEditRoles => User.IsInRole(Roles.OfficeAdmin) && Account.Roles.All(Roles.StaffRoles.Contains);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ActAsync(() => admin.DisableAsync(User.ToAccountActor(), Id, Reason, cancellationToken), "账号已停用。", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ActAsync(() => admin.EnableAsync(User.ToAccountActor(), Id, Reason, cancellationToken), "账号已重新启用。", cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken cancellationToken) =>
        ActAsync(() => admin.ResetTwoFactorAsync(User.ToAccountActor(), Id, Reason, cancellationToken), "两步验证已重置，本人下次登录只需密码，可重新绑定验证器。", cancellationToken);

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> sentTo = [];
        var result = await ActAsync(async () => sentTo = await admin.ResetPasswordAsync(User.ToAccountActor(), Id, Reason, cancellationToken), string.Empty, cancellationToken);
        TempData["AccountMessage"] = $"密码已清除，设置密码链接已发送至{string.Join("、", sentTo)}。";
        return result;
    }

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.OfficeAdmin))
        {
            return Forbid();
        }

        return await ActAsync(() => admin.ChangeRolesAsync(User.ToAccountActor(), Id, SelectedRoles, Reason, cancellationToken), "角色已更新，该账号须重新登录。", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Func<Task> action, string message, CancellationToken cancellationToken)
    {
        try
        {
            await action();
        }
        finally
        {
            await LoadAsync(cancellationToken);
        }

        if (message.Length > 0)
        {
            TempData["AccountMessage"] = message;
        }

        return RedirectToPage(new { id = Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await admin.GetAsync(Id, cancellationToken);
        Message = TempData["AccountMessage"] as string;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Account;

public sealed class ActivateModel(AccountActivator activator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public ActivationCheck? Check { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Check = await activator.CheckAsync(Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Check = await activator.CheckAsync(Token, cancellationToken);
        await activator.ActivateAsync(Token, Password, Confirm, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        TempData["LoginMessage"] = $"账号 {Check.UserName} 已激活，请用新密码登录。";
        return RedirectToPage("/Account/Login");
    }
}

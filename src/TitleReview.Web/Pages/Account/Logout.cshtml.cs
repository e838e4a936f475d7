using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(AuditedSignIn signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userName = User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;
        await signIn.SignOutAsync(
            userName,
            User.FindFirstValue(ClaimTypes.NameIdentifier),
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            cancellationToken);
        return RedirectToPage("/Account/Login");
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Account;

public sealed class LoginWithRecoveryCodeModel(AuditedSignIn signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请输入恢复码。")]
    [StringLength(32, ErrorMessage = "恢复码过长。")]
    public string RecoveryCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.HasPendingTwoFactorAsync() ? Page() : RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = await signIn.RecoveryCodeSignInAsync(RecoveryCode, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return SecondStep.Answer(this, attempt, ReturnUrl, "恢复码不正确或已使用过。");
    }
}

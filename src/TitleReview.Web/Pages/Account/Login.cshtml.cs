using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Account;

public sealed class LoginModel(AuditedSignIn signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return Redirect(IndexModel.HomeOf(User));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = await signIn.PasswordSignInAsync(
            Input.UserName.Trim(),
            Input.Password,
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            cancellationToken);

        switch (attempt.Outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : "/");
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
            case SignInOutcome.LockedOut:
                var until = attempt.LockedOutUntil is { } end ? BeijingTime.Format(end) : null;
                ModelState.AddModelError(string.Empty, until is null
                    ? "由于连续多次密码错误，账号已被锁定，请稍后再试或联系省政工职评办。"
                    : $"由于连续多次密码错误，账号已被锁定至 {until}（北京时间），请届时再试或联系省政工职评办。");
                break;
            case SignInOutcome.NotAllowed:
                ModelState.AddModelError(string.Empty, "该账号尚未激活或已停用，请联系省政工职评办。");
                break;
            default:
                ModelState.AddModelError(string.Empty, "用户名或密码错误。");
                break;
        }

        Input.Password = string.Empty;
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [StringLength(256, ErrorMessage = "用户名过长。")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入密码。")]
        [StringLength(128, ErrorMessage = "密码过长。")]
        [Display(Name = "密码")]
        public string Password { get; set; } = string.Empty;
    }
}

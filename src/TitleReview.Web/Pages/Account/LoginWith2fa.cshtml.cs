using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Account;

/// <summary>The second sign-in step: only the two-factor cookie from the password step lets one here.</summary>
public sealed class LoginWith2faModel(AuditedSignIn signIn) : PageModel
{
    /// <summary>Six digits and the space authenticator apps show between their halves.</summary>
    public const int CodeInputLength = 7;

    [BindProperty]
    [Required(ErrorMessage = "请输入验证码。")]
    [RegularExpression("^\\s*[0-9]{3}\\s?[0-9]{3}\\s*$", ErrorMessage = "验证码为 6 位数字。")]
    public string Code { get; set; } = string.Empty;

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

        var attempt = await signIn.AuthenticatorSignInAsync(Code, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return SecondStep.Answer(this, attempt, ReturnUrl, "验证码不正确，请输入验证器应用当前显示的 6 位数字。");
    }
}

/// <summary>What the two second-step pages do with the outcome.</summary>
internal static class SecondStep
{
    public static IActionResult Answer(PageModel page, SignInAttempt attempt, string? returnUrl, string wrongMessage)
    {
        switch (attempt.Outcome)
        {
            case SignInOutcome.Succeeded:
                return page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) && returnUrl != "/" ? returnUrl : "/");
            case SignInOutcome.NotAllowed:
                page.TempData["LoginMessage"] = "登录已超时或账号不可用，请重新输入用户名和密码。";
                return page.RedirectToPage("/Account/Login");
            case SignInOutcome.LockedOut:
                var until = attempt.LockedOutUntil is { } end ? $"至 {BeijingTime.Format(end)}（北京时间）" : string.Empty;
                page.ModelState.AddModelError(string.Empty, $"由于连续多次验证失败，账号已被锁定{until}，请届时再试或联系省政工职评办。");
                return page.Page();
            default:
                page.ModelState.AddModelError(string.Empty, wrongMessage);
                return page.Page();
        }
    }
}

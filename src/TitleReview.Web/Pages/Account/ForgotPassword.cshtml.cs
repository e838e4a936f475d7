using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Account;

/// <summary>Anyone may ask for a reset code; the answer never tells whether the account exists.</summary>
public sealed class ForgotPasswordModel(PasswordReset reset, IOptions<PasswordResetOptions> options) : PageModel
{
    public const string SentMessage = "如果该账号存在，验证码已发送至其绑定的手机和邮箱。";

    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public int LifetimeMinutes => options.Value.CodeLifetimeMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await reset.RequestAsync(Input.UserName, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        Sent = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [StringLength(256, ErrorMessage = "用户名过长。")]
        public string UserName { get; set; } = string.Empty;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Infrastructure.Identity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Account;

public sealed class ResetPasswordModel(PasswordReset reset) : PageModel, IFormPage
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public string FieldPrefix => nameof(Input);

    public void OnGet(string? userName) => Input.UserName = userName ?? string.Empty;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await reset.ResetAsync(Input.UserName, Input.Code, Input.NewPassword, Input.ConfirmPassword, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        TempData["LoginMessage"] = "密码已重置，请用新密码登录。";
        return RedirectToPage("/Account/Login");
    }

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [StringLength(256, ErrorMessage = "用户名过长。")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入验证码。")]
        [RegularExpression("^\\s*[0-9]{6}\\s*$", ErrorMessage = "验证码为 6 位数字。")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "请设置新密码。")]
        [StringLength(128, ErrorMessage = "密码过长。")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "请再次输入新密码。")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}

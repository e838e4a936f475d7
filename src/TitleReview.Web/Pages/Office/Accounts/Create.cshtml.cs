using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Infrastructure.Identity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Accounts;

[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class CreateModel(AccountAdministration admin) : PageModel, IFormPage
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public string FieldPrefix => nameof(Input);

    public string? Message { get; private set; }

    public void OnGet() => Message = TempData["AccountMessage"] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var sentTo = await admin.CreateStaffAsync(
            User.ToAccountActor(),
            new NewStaffAccount(Input.DisplayName, Input.UserName, Input.Mobile, Input.Email, Input.Roles),
            cancellationToken);
        TempData["AccountMessage"] = $"账号 {Input.UserName?.Trim()} 已创建，设置密码链接已发送至{string.Join("、", sentTo)}。";
        return RedirectToPage();
    }

    public sealed class StaffInput
    {
        [Display(Name = "姓名")]
        [StringLength(AppUser.MaxDisplayNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? DisplayName { get; set; }

        public string? UserName { get; set; }

        public string? Mobile { get; set; }

        public string? Email { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}

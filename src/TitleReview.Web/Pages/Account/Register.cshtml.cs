using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TitleReview.Application.Applicants;
using TitleReview.Application.Applicants.Queries;
using TitleReview.Application.Applicants.RegisterApplicant;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Account;

/// <summary>A person registers as an applicant of a confirmed unit (public: they have no account yet).</summary>
public sealed class RegisterModel(
    IHandler<ListRegistrableUnits, IReadOnlyList<RegistrableUnit>> listUnits,
    IHandler<RegisterApplicant, ApplicantAccount> register,
    IOptions<OfficeContact> contact) : PageModel, IFormPage
{
    public const string UnconfirmedMark = "（未核准，不能注册）";

    public string FieldPrefix => nameof(Input);

    [BindProperty]
    public ApplicantInput Input { get; set; } = new();

    public IReadOnlyList<RegistrableUnit> Units { get; private set; } = [];

    public OfficeContact Office => contact.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var account = await register.HandleAsync(
            new RegisterApplicant(Input.UnitId, Input.Name, Input.IdNumber, Input.Mobile, Input.Password, Input.ConfirmPassword),
            cancellationToken);
        TempData["LoginMessage"] = $"注册成功，账号已开通。您的用户名为手机号 {account.UserName}，请用它和刚才设置的密码登录。";
        return RedirectToPage("/Account/Login");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Units = await listUnits.HandleAsync(new ListRegistrableUnits(), cancellationToken);

    public sealed class ApplicantInput
    {
        [Display(Name = "申报单位")]
        public Guid? UnitId { get; set; }

        [Display(Name = "姓名")]
        [StringLength(RegisterApplicant.MaxNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Name { get; set; }

        [Display(Name = "身份证号码")]
        [StringLength(Domain.Common.IdNumber.Length, ErrorMessage = FieldMessages.TooLong)]
        public string? IdNumber { get; set; }

        [Display(Name = "手机号码（即登录用户名）")]
        [StringLength(RegisterUnit.MaxMobileInput, ErrorMessage = FieldMessages.TooLong)]
        public string? Mobile { get; set; }

        [Display(Name = "密码")]
        public string? Password { get; set; }

        [Display(Name = "再次输入密码")]
        public string? ConfirmPassword { get; set; }
    }
}

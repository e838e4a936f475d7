using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Units;

/// <summary>The public registration form (no account needed: the unit has none yet).</summary>
public sealed class RegisterModel(
    IApplicationDbContext db,
    IHandler<RegisterUnit, RegistrationReceipt> register,
    TimeProvider clock) : PageModel, IFormPage
{
    public string FieldPrefix => nameof(Input);

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    [BindProperty]
    public Guid? CampaignId { get; set; }

    public Campaign? Campaign { get; private set; }

    public bool WindowOpen { get; private set; }

    public string WindowText { get; private set; } = string.Empty;

    public string ClosedText { get; private set; } = string.Empty;

    /// <summary>Set only in the answer to a successful registration: the one time the access token is shown.</summary>
    public RegistrationReceipt? Receipt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Receipt = await register.HandleAsync(
            new RegisterUnit(
                CampaignId ?? Campaign?.Id ?? Guid.Empty,
                Input.UnitName,
                Input.CreditCode,
                Input.Nature,
                Input.Region,
                Input.SupervisingDepartment,
                Input.AuditorName,
                Input.AuditorMobile,
                Input.AuditorLandline,
                Input.AuditorQq,
                Input.AuditorEmail,
                Input.AuditorIsHr,
                Input.FillerName,
                Input.FillerPhone,
                Input.FillerEmail),
            cancellationToken);

        // The token is in this one answer only: never cached, never in a URL.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var campaigns = await db.Campaigns.Include(c => c.Stages).AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        Campaign = campaigns.FirstOrDefault(c => c.Stage(StageKeys.AuditorRegistration).IsOpenAt(now))
            ?? campaigns.FirstOrDefault(c => c.Stage(StageKeys.AuditorRegistration).OpensAt > now)
            ?? campaigns.FirstOrDefault();
        if (Campaign is null)
        {
            return;
        }

        CampaignId ??= Campaign.Id;
        var stage = Campaign.Stage(StageKeys.AuditorRegistration);
        WindowOpen = stage.IsOpenAt(now);
        WindowText = $"{BeijingTime.Format(stage.OpensAt)} 至 {BeijingTime.Format(stage.LastSecond)}";
        ClosedText = now < stage.OpensAt
            ? $"报送尚未开始，将于 {BeijingTime.Format(stage.OpensAt)} 开放。"
            : $"报送已于 {BeijingTime.Format(stage.LastSecond)} 截止，不能再报送。如有疑问，请联系省政工职评办。";
    }

    public sealed class RegistrationInput
    {
        [Display(Name = "申报单位规范名称")]
        [StringLength(RegisterUnit.MaxNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? UnitName { get; set; }

        [Display(Name = "统一社会信用代码")]
        [StringLength(UnifiedSocialCreditCode.Length, ErrorMessage = FieldMessages.TooLong)]
        public string? CreditCode { get; set; }

        [Display(Name = "申报单位性质")]
        public UnitNature? Nature { get; set; }

        [Display(Name = "所属地区")]
        public string? Region { get; set; }

        [Display(Name = "主管部门")]
        [StringLength(RegisterUnit.MaxNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? SupervisingDepartment { get; set; }

        [Display(Name = "审核人姓名")]
        [StringLength(RegisterUnit.MaxShortText, ErrorMessage = FieldMessages.TooLong)]
        public string? AuditorName { get; set; }

        [Display(Name = "手机号码")]
        [StringLength(RegisterUnit.MaxMobileInput, ErrorMessage = FieldMessages.TooLong)]
        public string? AuditorMobile { get; set; }

        [Display(Name = "座机号码（选填）")]
        [StringLength(RegisterUnit.MaxPhoneLength, ErrorMessage = FieldMessages.TooLong)]
        public string? AuditorLandline { get; set; }

        [Display(Name = "QQ号码（选填）")]
        [StringLength(RegisterUnit.MaxQqLength, ErrorMessage = FieldMessages.TooLong)]
        public string? AuditorQq { get; set; }

        [Display(Name = "电子邮箱（选填）")]
        [StringLength(EmailAddress.MaxLength, ErrorMessage = FieldMessages.TooLong)]
        public string? AuditorEmail { get; set; }

        public bool AuditorIsHr { get; set; }

        [Display(Name = "填报人")]
        [StringLength(RegisterUnit.MaxShortText, ErrorMessage = FieldMessages.TooLong)]
        public string? FillerName { get; set; }

        [Display(Name = "联系电话")]
        [StringLength(RegisterUnit.MaxPhoneLength, ErrorMessage = FieldMessages.TooLong)]
        public string? FillerPhone { get; set; }

        [Display(Name = "电子邮箱（选填）")]
        [StringLength(EmailAddress.MaxLength, ErrorMessage = FieldMessages.TooLong)]
        public string? FillerEmail { get; set; }
    }
}

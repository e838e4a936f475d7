using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Forming;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Common;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Experts;

/// <summary>
/// The expert form: a new expert (account and profile together), the profile of an Expert account
/// that has none (<see cref="UserId"/>), or an expert's corrections (<see cref="ExpertId"/>).
/// </summary>
public sealed class EditModel(
    IHandler<GetExpertForm, ExpertFormView> get,
    IHandler<CreateExpert, ExpertSaved> create,
    IHandler<CompleteExpertProfile, ExpertSaved> complete,
    IHandler<EditExpert, ExpertSaved> edit) : PageModel, IFormPage, IPageWithData
{
    public string FieldPrefix => nameof(Input);

    [BindProperty(SupportsGet = true)]
    public Guid? ExpertId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty]
    public ExpertInput Input { get; set; } = new();

    [BindProperty]
    public Guid? ExpectedToken { get; set; }

    public ExpertFormView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var values = View.Values;
        Input = new ExpertInput
        {
            Name = values.Name,
            UnitId = values.UnitId,
            Organisation = values.Organisation,
            ProfessionalTitle = values.ProfessionalTitle,
            Field = values.Field,
            Mobile = values.Mobile,
            Email = values.Email,
        };
        ExpectedToken = View.ConcurrencyToken;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A unit the browser could not send as an id never reaches the command: say so in Chinese.
        if (ModelState[$"{nameof(Input)}.{nameof(ExpertInput.UnitId)}"] is { Errors.Count: > 0 })
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(ExpertInput.UnitId)}");
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ExpertInput.Organisation)}", "所选单位不存在，请重新选择或直接填写工作单位。");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var input = Input.ToInput();
        var actor = User.ToWorkflowActor();
        if (ExpertId is { } expertId)
        {
            var saved = await edit.HandleAsync(new EditExpert(expertId, input, ExpectedToken, actor), cancellationToken);
            TempData[nameof(IndexModel.Message)] = $"已保存{saved.Name}的专家信息。";
        }
        else if (!string.IsNullOrEmpty(UserId))
        {
            var saved = await complete.HandleAsync(new CompleteExpertProfile(UserId, input, actor), cancellationToken);
            TempData[nameof(IndexModel.Message)] = $"已完善{saved.Name}的专家信息。";
        }
        else
        {
            var saved = await create.HandleAsync(new CreateExpert(input, actor), cancellationToken);
            TempData[nameof(IndexModel.Message)] = $"已新增评审专家{saved.Name}，设置密码链接已发送至{string.Join("、", saved.SentTo)}。";
        }

        return RedirectToPage("./Index");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetExpertForm(ExpertId, UserId, User.ToWorkflowActor()), cancellationToken);

    public sealed class ExpertInput
    {
        [Display(Name = "姓名")]
        [StringLength(ExpertProfileInput.MaxNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Name { get; set; }

        [Display(Name = "已登记单位")]
        public Guid? UnitId { get; set; }

        [Display(Name = "工作单位")]
        [StringLength(ExpertProfileInput.MaxOrganisationLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Organisation { get; set; }

        [Display(Name = "专业技术职务")]
        [StringLength(ExpertProfileInput.MaxTitleLength, ErrorMessage = FieldMessages.TooLong)]
        public string? ProfessionalTitle { get; set; }

        [Display(Name = "专业领域")]
        [StringLength(ExpertProfileInput.MaxFieldLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Field { get; set; }

        [Display(Name = "手机号")]
        public string? Mobile { get; set; }

        [Display(Name = "电子邮箱（选填）")]
        [StringLength(EmailAddress.MaxLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Email { get; set; }

        public ExpertProfileInput ToInput() => new(Name, UnitId, Organisation, ProfessionalTitle, Field, Mobile, Email);
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Campaigns.GetOfficeDetails;
using TitleReview.Application.Campaigns.PublishOfficeDetails;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Campaigns;

/// <summary>The office's details for one year's units: delivery address, contacts, voucher mailing address, bank account.</summary>
public sealed class DetailsModel(
    IHandler<GetOfficeDetails, OfficeDetailsPage> get,
    IHandler<PublishOfficeDetails, Guid> publish) : PageModel, IFormPage, IPageWithData
{
    /// <summary>Empty contact rows the form offers beyond those filled, so a new contact needs no extra step.</summary>
    private const int SpareContactRows = 2;

    public string FieldPrefix => nameof(Input);

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    [BindProperty]
    public Guid? ExpectedToken { get; set; }

    [TempData]
    public string? Message { get; set; }

    public OfficeDetailsPage View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = DetailsInput.From(View.Details?.ToDraft());
        ExpectedToken = View.ConcurrencyToken;
        var rows = Math.Min(OfficeDetailsRules.MaxContacts, Input.Contacts.Count + SpareContactRows);
        while (Input.Contacts.Count < rows)
        {
            Input.Contacts.Add(new ContactInput());
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await publish.HandleAsync(new PublishOfficeDetails(Year, Input.ToDraft(), ExpectedToken, User.ToWorkflowActor()), cancellationToken);
        Message = $"已保存 {Year} 年度的报送及缴费办公信息，申报单位审核人即可看到。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetOfficeDetails(Year), cancellationToken);

    public sealed class DetailsInput
    {
        [Display(Name = "纸质材料报送地址")]
        [StringLength(OfficeDetailsRules.MaxAddressLength, ErrorMessage = FieldMessages.TooLong)]
        public string? DeliveryAddress { get; set; }

        [Display(Name = "报送房间")]
        [StringLength(OfficeDetailsRules.MaxRoomLength, ErrorMessage = FieldMessages.TooLong)]
        public string? DeliveryRoom { get; set; }

        public List<ContactInput> Contacts { get; set; } = [];

        [Display(Name = "审核人QQ群（选填）")]
        [StringLength(OfficeDetailsRules.MaxQqGroupLength, ErrorMessage = FieldMessages.TooLong)]
        public string? QqGroup { get; set; }

        [Display(Name = "缴费凭证邮寄地址")]
        [StringLength(OfficeDetailsRules.MaxAddressLength, ErrorMessage = FieldMessages.TooLong)]
        public string? MailAddress { get; set; }

        [Display(Name = "收件人")]
        [StringLength(OfficeDetailsRules.MaxNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? MailRecipient { get; set; }

        [Display(Name = "收件人电话")]
        [StringLength(OfficeDetailsRules.MaxPhoneLength, ErrorMessage = FieldMessages.TooLong)]
        public string? MailPhone { get; set; }

        [Display(Name = "收款单位名称")]
        [StringLength(OfficeDetailsRules.MaxBankNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? PayeeName { get; set; }

        [Display(Name = "账号")]
        [StringLength(OfficeDetailsRules.MaxAccountNumberLength, ErrorMessage = FieldMessages.TooLong)]
        public string? AccountNumber { get; set; }

        [Display(Name = "开户行")]
        [StringLength(OfficeDetailsRules.MaxBankNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? BankName { get; set; }

        [Display(Name = "行号")]
        [StringLength(OfficeDetailsRules.BranchNumberLength, ErrorMessage = FieldMessages.TooLong)]
        public string? BranchNumber { get; set; }

        [Display(Name = "纳税人识别号")]
        [StringLength(OfficeDetailsRules.MaxTaxpayerNumberLength, ErrorMessage = FieldMessages.TooLong)]
        public string? TaxpayerNumber { get; set; }

        [Display(Name = "转账附言")]
        [StringLength(OfficeDetailsRules.MaxRemarkLength, ErrorMessage = FieldMessages.TooLong)]
        public string? TransferRemark { get; set; }

        public static DetailsInput From(OfficeDetailsDraft? draft) => draft is null
            ? new DetailsInput { TransferRemark = OfficeDetails.DefaultTransferRemark }
            : new DetailsInput
            {
                DeliveryAddress = draft.DeliveryAddress,
                DeliveryRoom = draft.DeliveryRoom,
                Contacts = draft.Contacts.Select(c => new ContactInput { Name = c.Name, Phone = c.Phone, Topic = c.Topic }).ToList(),
                QqGroup = draft.QqGroup,
                MailAddress = draft.MailAddress,
                MailRecipient = draft.MailRecipient,
                MailPhone = draft.MailPhone,
                PayeeName = draft.PayeeName,
                AccountNumber = draft.AccountNumber,
                BankName = draft.BankName,
                BranchNumber = draft.BranchNumber,
                TaxpayerNumber = draft.TaxpayerNumber,
                TransferRemark = draft.TransferRemark,
            };

        public OfficeDetailsDraft ToDraft() => new(
            DeliveryAddress,
            DeliveryRoom,
            Contacts.Select(c => new OfficeContactDraft(c.Name, c.Phone, c.Topic)).ToList(),
            QqGroup,
            MailAddress,
            MailRecipient,
            MailPhone,
            PayeeName,
            AccountNumber,
            BankName,
            BranchNumber,
            TaxpayerNumber,
            TransferRemark);
    }

    public sealed class ContactInput
    {
        [Display(Name = "称呼")]
        [StringLength(OfficeDetailsRules.MaxNameLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Name { get; set; }

        [Display(Name = "电话")]
        [StringLength(OfficeDetailsRules.MaxPhoneLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Phone { get; set; }

        [Display(Name = "咨询事项")]
        [StringLength(OfficeDetailsRules.MaxTopicLength, ErrorMessage = FieldMessages.TooLong)]
        public string? Topic { get; set; }
    }
}

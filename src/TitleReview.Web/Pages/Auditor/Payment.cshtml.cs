using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Fees.GetUnitPayment;
using TitleReview.Application.Fees.RecordTransfer;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

public sealed class PaymentModel(
    IHandler<GetUnitPayment, UnitPaymentView> get,
    IHandler<RecordTransfer, TransferRecorded> record) : PageModel, IPageWithData
{
    public UnitPaymentView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRecordAsync(Guid campaignId, DateOnly? paidOn, string? payerAccountName, decimal? amount, string? remark, IFormFile? voucher, CancellationToken cancellationToken)
    {
        RefuseUnreadableInput();
        await using var content = voucher?.OpenReadStream();
        await record.HandleAsync(
            new RecordTransfer(campaignId, paidOn, payerAccountName, amount, remark, content, voucher?.FileName, voucher?.Length, User.ToWorkflowActor()),
            cancellationToken);
        Message = "已登记转账及凭证，请等待省政工职评办对账。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetUnitPayment(User.ToWorkflowActor(), Year), cancellationToken);

    /// <summary>A date or amount the browser sent that is not one: said in Chinese next to its field, and nothing recorded.</summary>
    private void RefuseUnreadableInput()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ModelState["paidOn"]?.Errors.Count > 0)
        {
            errors["paidOn"] = ["转账日期格式不正确，请按“年-月-日”填写。"];
        }

        if (ModelState["amount"]?.Errors.Count > 0)
        {
            errors["amount"] = ["转账金额须填写数字，如 600 或 600.50。"];
        }

        if (errors.Count > 0)
        {
            ModelState.Clear();
            throw new ValidationException(errors);
        }
    }
}

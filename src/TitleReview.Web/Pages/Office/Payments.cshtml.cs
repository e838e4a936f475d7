using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Fees.GetReconciliation;
using TitleReview.Application.Fees.ImportStatement;
using TitleReview.Application.Fees.Reconcile;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Fees;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office;

public sealed class PaymentsModel(
    IHandler<GetReconciliation, ReconciliationView> get,
    IHandler<ReconcilePayment, FireResult> reconcile,
    IHandler<ImportStatement, StatementImported> import,
    IHandler<DecideStatementRow, StatementRowDecision> decide) : PageModel, IPageWithData
{
    public ReconciliationView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReconcileAsync(Guid unitPaymentId, PaymentOutcome? outcome, decimal? amountReceived, string? note, CancellationToken cancellationToken)
    {
        if (ModelState["amountReceived"]?.Errors.Count > 0)
        {
            ModelState.Clear();
            throw new ValidationException("amountReceived", "实收金额须填写数字，如 600 或 600.50。");
        }

        await reconcile.HandleAsync(new ReconcilePayment(unitPaymentId, outcome, amountReceived, note, null, User.ToWorkflowActor()), cancellationToken);
        Message = $"已记录对账结果：{(outcome is { } o ? PaymentOutcomes.DisplayName(o) : string.Empty)}。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostImportAsync(Guid campaignId, IFormFile? statement, CancellationToken cancellationToken)
    {
        if (statement is null || statement.Length == 0)
        {
            throw new ValidationException("file", "请选择银行流水文件：Excel（.xlsx）或 CSV（.csv）。");
        }

        await using var content = statement.OpenReadStream();
        var result = await import.HandleAsync(new ImportStatement(campaignId, content, statement.FileName, User.ToWorkflowActor()), cancellationToken);
        Message = $"已导入银行流水 {result.Rows} 行：自动对账 {result.Matched} 行，待处理 {result.Pending} 行，此前已导入（跳过）{result.AlreadyImported} 行。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid statementRowId, StatementRowChoice? choice, Guid? unitPaymentId, string? note, CancellationToken cancellationToken)
    {
        var decision = await decide.HandleAsync(new DecideStatementRow(statementRowId, choice, unitPaymentId, note, User.ToWorkflowActor()), cancellationToken);
        Message = decision == StatementRowDecision.Ignored ? "已忽略该笔银行流水。" : "已将该笔银行流水计入所选单位。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetReconciliation(User.ToWorkflowActor(), Year), cancellationToken);
}

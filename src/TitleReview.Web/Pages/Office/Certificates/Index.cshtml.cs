using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Domain.Applications;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Certificates;

/// <summary>
/// 证书管理: the year's passed candidates and their certificates, the numbering per level, issuing
/// (one or all ready), the units' collection, the print views and the export for the national platform.
/// </summary>
public sealed class IndexModel(
    IHandler<GetCertificates, CertificatesView> get,
    IHandler<ConfigureCertificateNumbering, string> configure,
    IHandler<IssueCertificates, CertificatesIssued> issue,
    IHandler<RecordCertificateCollection, int> collect,
    IHandler<ExportCertificates, Spreadsheet<CertificateExportRow>> export) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Message { get; set; }

    public CertificatesView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>One level's numbering, from that level's row (one form per row, so the fields are the handler's parameters).</summary>
    public async Task<IActionResult> OnPostNumberingAsync(TitleLevel level, string? prefix, string? levelCode, int? digits, int? startNumber, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(digits), "序号位数须为整数。") | Unreadable(nameof(startNumber), "起始序号须为整数。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var first = await configure.HandleAsync(new ConfigureCertificateNumbering(Year ?? 0, level, prefix, levelCode, digits, startNumber, User.ToWorkflowActor()), cancellationToken);
        Message = $"已保存{TitleLevels.DisplayName(level)}的证书编号规则，下一本证书编号为 {first}。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var issued = await issue.HandleAsync(new IssueCertificates(Year ?? 0, applicationId, User.ToWorkflowActor()), cancellationToken);
        Message = $"已发放证书 {string.Join("、", issued.Numbers)}。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostIssueAllAsync(CancellationToken cancellationToken)
    {
        var issued = await issue.HandleAsync(new IssueCertificates(Year ?? 0, null, User.ToWorkflowActor()), cancellationToken);
        Message = issued.Numbers.Count == 0 ? "没有待发证的人员。" : $"已发放 {issued.Numbers.Count} 本证书：{string.Join("、", issued.Numbers)}。";
        return RedirectToPage(new { year = Year });
    }

    /// <summary>One unit's collection, from that unit's form (one form per unit, so the fields are the handler's parameters).</summary>
    public async Task<IActionResult> OnPostCollectAsync(Guid unitId, string? collectorName, DateOnly? collectedOn, bool materialsReturned, string? note, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(collectedOn), "请按“年-月-日”填写领取日期。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var count = await collect.HandleAsync(
            new RecordCertificateCollection(Year ?? 0, unitId, collectorName, collectedOn, materialsReturned, note, User.ToWorkflowActor()), cancellationToken);
        Message = $"已记录领取：{collectorName} 领取证书 {count} 本{(materialsReturned ? "，并领回纸质材料" : string.Empty)}。";
        return RedirectToPage(new { year = Year });
    }

    /// <summary>The year's certificates for the national title query platform.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        new SpreadsheetResult<CertificateExportRow>(await export.HandleAsync(new ExportCertificates(Year ?? 0, User.ToWorkflowActor()), cancellationToken));

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetCertificates(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }

    private bool Unreadable(string key, string message)
    {
        if (ModelState[key] is not { Errors.Count: > 0 })
        {
            return false;
        }

        ModelState.Remove(key);
        ModelState.AddModelError(key, message);
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Common;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.AuditLog;

/// <summary>
/// Verifies the audit chain on every visit (a read, so the inspector verifies too) and names the
/// first broken row; the office may archive rows older than 180 days to a file (ADR 0053).
/// </summary>
public sealed class VerifyModel(
    IHandler<VerifyAuditTrail, AuditVerification> verify,
    IHandler<ArchiveAuditTrail, AuditArchived> archive) : PageModel
{
    public AuditVerification Result { get; private set; } = null!;

    [BindProperty]
    public DateOnly? Before { get; set; }

    [TempData]
    public string? Archived { get; set; }

    public string? ArchiveError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await verify.HandleAsync(new VerifyAuditTrail(), cancellationToken);
    }

    public async Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var done = await archive.HandleAsync(new ArchiveAuditTrail(Before, User.ToWorkflowActor()), cancellationToken);
            Archived = $"已将第 {done.FromSequence} 至 {done.ThroughSequence} 条（共 {done.Rows} 条）归档至 {Path.GetFileName(done.Path)}。";
            return RedirectToPage();
        }
        catch (Exception ex) when (ex is ValidationException or DomainException)
        {
            ArchiveError = ex is ValidationException invalid ? string.Join("；", invalid.Errors.Values.SelectMany(m => m)) : ex.Message;
            Result = await verify.HandleAsync(new VerifyAuditTrail(), cancellationToken);
            return Page();
        }
    }
}

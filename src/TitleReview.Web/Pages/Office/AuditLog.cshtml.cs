using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Security.GetAuditLog;
using TitleReview.Domain.Security;

namespace TitleReview.Web.Pages.Office;

public sealed class AuditLogModel(IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>> auditLog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<AuditEntryDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await auditLog.HandleAsync(new GetAuditLogQuery(Actor, Action, PageNumber, Paging.DefaultPageSize), cancellationToken);
    }
}

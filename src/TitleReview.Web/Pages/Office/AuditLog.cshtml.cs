using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Security.Audit;
using TitleReview.Application.Security.GetAuditLog;
using TitleReview.Domain.Security;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office;

/// <summary>The audit trail (ADR 0053): searched by person, unit, action and period, and exported as it is filtered.</summary>
public sealed class AuditLogModel(
    IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>> auditLog,
    IHandler<ExportAuditLog, Spreadsheet<AuditEntryDto>> export) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Operation { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<AuditEntryDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>The actions to choose from: the events and the named use cases, by Chinese name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Operations { get; } =
    [
        .. Enum.GetValues<AuditAction>()
            .Where(a => a is not AuditAction.UseCase and not AuditAction.RecordOpened)
            .Select(a => new KeyValuePair<string, string>(a.ToString(), AuditActions.DisplayName(a))),
        .. AuditCatalogue.Named.OrderBy(n => n.Value, StringComparer.Ordinal),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await auditLog.HandleAsync(Filter() with { Page = PageNumber, PageSize = Paging.DefaultPageSize }, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        new SpreadsheetResult<AuditEntryDto>(await export.HandleAsync(new ExportAuditLog(Filter()), cancellationToken));

    /// <summary>The query string of the current filter, for the export link and the pager.</summary>
    public Dictionary<string, string?> FilterRoute() => new()
    {
        ["Person"] = Person,
        ["Unit"] = Unit,
        ["Operation"] = Operation,
        ["Actor"] = Actor,
        ["Action"] = Action?.ToString(),
        ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private GetAuditLogQuery Filter() => new(Actor, Action, Person: Person, Unit: Unit, Operation: Operation, From: From, To: To);
}

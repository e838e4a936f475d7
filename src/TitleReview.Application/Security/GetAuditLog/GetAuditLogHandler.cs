using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Domain.Security;
using TitleReview.Domain.Time;

namespace TitleReview.Application.Security.GetAuditLog;

internal sealed class GetAuditLogHandler(IApplicationDbContext db)
    : IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>>
{
    public async Task<PagedList<AuditEntryDto>> HandleAsync(GetAuditLogQuery request, CancellationToken cancellationToken = default)
    {
        var (page, pageSize) = Paging.Normalize(request.Page, request.PageSize);

        var query = AuditLogFilter.Apply(db.AuditEntries.AsNoTracking(), request);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.Sequence)
            .ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ProjectToDto()
            .ToListAsync(cancellationToken);

        // The office reads who did what, not whom to call: mobile-number user names leave masked.
        var masked = items.Select(e => e.WithActorMasked()).ToList();
        return new PagedList<AuditEntryDto>(masked, page, pageSize, total);
    }
}

internal sealed class ExportAuditLogHandler(IApplicationDbContext db) : IHandler<ExportAuditLog, Spreadsheet<AuditEntryDto>>
{
    public static readonly SpreadsheetSpec<AuditEntryDto> Columns = new("审计记录", [
        new("序号", r => r.Sequence, CellFormat.Integer, 10),
        new("时间（北京时间）", r => r.OccurredAt, CellFormat.BeijingDateTime, 20),
        new("用户名", r => r.Actor),
        new("姓名", r => r.ActorName),
        new("角色", r => r.Role, Width: 14),
        new("单位", r => r.Unit, Width: 28),
        new("事项", r => r.OperationName, Width: 24),
        new("对象", r => r.Subject, Width: 28),
        new("结果", r => r.Outcome, Width: 24),
        new("来源地址", r => r.RemoteAddress),
        new("浏览器", r => r.UserAgent, Width: 30),
        new("说明", r => r.Detail, Width: 50),
        new("内容哈希", r => r.ContentHash, Width: 66),
    ]);

    public Task<Spreadsheet<AuditEntryDto>> HandleAsync(ExportAuditLog request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = AuditLogFilter.Apply(db.AuditEntries.AsNoTracking(), request.Filter)
            .OrderBy(e => e.Sequence)
            .ThenBy(e => e.Id)
            .ProjectToDto()
            .AsAsyncEnumerable()
            .Select(e => e.WithActorMasked());
        var name = $"审计记录_{(request.Filter.From is { } f ? f.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) : "全部")}";
        return Task.FromResult(new Spreadsheet<AuditEntryDto>(name, Columns, rows));
    }
}

/// <summary>The log's filters, shared by the page and the export.</summary>
internal static class AuditLogFilter
{
    public static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, GetAuditLogQuery request)
    {
        if (!string.IsNullOrWhiteSpace(request.Actor))
        {
            var actor = request.Actor.Trim();
            query = query.Where(e => e.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(request.Person))
        {
            // Whoever acted, or whom the row concerns: one applicant's own actions and the
            // office's, auditor's and experts' actions on their case.
            var person = request.Person.Trim();
            query = query.Where(e => e.Actor.Contains(person)
                || (e.ActorName != null && e.ActorName.Contains(person))
                || (e.SubjectPerson != null && e.SubjectPerson.Contains(person)));
        }

        if (!string.IsNullOrWhiteSpace(request.Unit))
        {
            var unit = request.Unit.Trim();
            query = query.Where(e => e.Unit != null && e.Unit.Contains(unit));
        }

        if (request.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(request.Operation))
        {
            var operation = request.Operation.Trim();
            query = query.Where(e => e.Operation == operation);
        }

        if (request.From is { } from)
        {
            var start = BeijingTime.StartOfDay(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (request.To is { } to)
        {
            var end = BeijingTime.StartOfDay(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;

namespace TitleReview.Application.Security.GetAuditLog;

internal sealed class GetAuditLogHandler(IApplicationDbContext db)
    : IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>>
{
    public async Task<PagedList<AuditEntryDto>> HandleAsync(GetAuditLogQuery request, CancellationToken cancellationToken = default)
    {
        var (page, pageSize) = Paging.Normalize(request.Page, request.PageSize);

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Actor))
        {
            var actor = request.Actor.Trim();
            query = query.Where(e => e.Actor.Contains(actor));
        }

        if (request.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ProjectToDto()
            .ToListAsync(cancellationToken);

        // The office reads who did what, not whom to call: mobile-number user names leave masked.
        var masked = items.Select(e => e.WithActorMasked()).ToList();
        return new PagedList<AuditEntryDto>(masked, page, pageSize, total);
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Domain.Security;
using TitleReview.Domain.Units;

namespace TitleReview.Application.Common.Interfaces;

public interface IApplicationDbContext
{
    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Unit> Units { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Application.Units;

internal sealed class UnitDirectory(IApplicationDbContext db) : IUnitDirectory
{
    public Task<UnitSummary?> FindAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        db.Units.Where(u => u.Id == unitId).Select(u => new UnitSummary(u.Id, u.Name, u.Region)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<UnitSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Units.OrderBy(u => u.Name).Select(u => new UnitSummary(u.Id, u.Name, u.Region)).ToListAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Units.CountAsync(cancellationToken);
}

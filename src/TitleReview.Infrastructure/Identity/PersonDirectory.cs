using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Documents;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

internal sealed class PersonDirectory(AppDbContext db) : IPersonDirectory
{
    public async Task<(string? Mobile, string? IdNumber)> GetContactAsync(string userId, CancellationToken cancellationToken = default)
    {
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.PhoneNumber, u.IdNumber })
            .FirstOrDefaultAsync(cancellationToken);
        return (person?.PhoneNumber, person?.IdNumber);
    }
}

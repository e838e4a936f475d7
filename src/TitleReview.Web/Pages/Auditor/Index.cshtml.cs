using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Auditor;

public sealed class IndexModel(IApplicationDbContext db, AccountDirectory accounts) : PageModel
{
    public UnitView? Unit { get; private set; }

    public IReadOnlyList<AccountSummary> Applicants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(User.FindFirst(AppUserClaimsPrincipalFactory.UnitIdClaim)?.Value, out var unitId))
        {
            return;
        }

        Unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == unitId)
            .Select(u => new UnitView(u.Name, u.Region))
            .FirstOrDefaultAsync(cancellationToken);
        Applicants = (await accounts.ListUnitMembersAsync(unitId, cancellationToken))
            .Where(a => a.Role == Roles.Applicant)
            .ToList();
    }

    public sealed record UnitView(string Name, string Region);
}

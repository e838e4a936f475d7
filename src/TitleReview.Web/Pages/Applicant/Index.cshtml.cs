using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Applicant;

public sealed class IndexModel(IApplicationDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string? UnitName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = User.FindFirst(AppUserClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? string.Empty;
        if (Guid.TryParse(User.FindFirst(AppUserClaimsPrincipalFactory.UnitIdClaim)?.Value, out var unitId))
        {
            UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        }
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Expert;

public sealed class IndexModel : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public void OnGet() =>
        DisplayName = User.FindFirst(AppUserClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? string.Empty;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Domain.Identity;

namespace TitleReview.Web.Pages;

/// <summary>Sends each signed-in user to their role's home page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(HomeOf(User));

    public static string HomeOf(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Office) || user.IsInRole(Roles.Inspector))
        {
            return "/Office";
        }

        if (user.IsInRole(Roles.Auditor))
        {
            return "/Auditor";
        }

        if (user.IsInRole(Roles.Applicant))
        {
            return "/Applicant";
        }

        return user.IsInRole(Roles.Expert) ? "/Expert" : "/Account/AccessDenied";
    }
}

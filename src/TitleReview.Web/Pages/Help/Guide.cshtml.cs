using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Web.Manual;

namespace TitleReview.Web.Pages.Help;

/// <summary>One role's guide (<c>/Help/auditor</c>, …); an unknown role is 404.</summary>
public sealed class GuideModel(OperatingManual manual) : PageModel
{
    public ManualGuide Guide { get; private set; } = null!;

    public IReadOnlyList<ManualGuide> Others { get; private set; } = [];

    public IActionResult OnGet(string role)
    {
        if (manual.Guide(role) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        Others = manual.Guides.Where(g => g.Key != guide.Key).ToList();
        return Page();
    }
}

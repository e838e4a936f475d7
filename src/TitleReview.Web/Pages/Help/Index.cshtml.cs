using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Web.Manual;

namespace TitleReview.Web.Pages.Help;

/// <summary>操作手册: the guides, one per role; public, like the manual's pictures (invented demo data only).</summary>
public sealed class IndexModel(OperatingManual manual) : PageModel
{
    public IReadOnlyList<ManualGuide> Guides => manual.Guides;

    /// <summary>The guides that speak to the signed-in person, marked on the list.</summary>
    public IReadOnlyList<string> Mine { get; private set; } = [];

    public void OnGet() => Mine = OperatingManual.GuidesOf(User);
}

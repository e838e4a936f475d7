using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Web.Manual;

namespace TitleReview.Web.Pages.Help;

/// <summary>The whole manual as one document: the browser's print (or print to PDF) makes the paper copy.</summary>
public sealed class PrintModel(OperatingManual manual) : PageModel
{
    public IReadOnlyList<ManualGuide> Guides => manual.Guides;

    public void OnGet()
    {
    }
}

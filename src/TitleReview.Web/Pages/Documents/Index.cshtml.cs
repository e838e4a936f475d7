using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Documents;

/// <summary>The generated papers, laid out for A4 and printed from the browser (ADR 0010).</summary>
public sealed class IndexModel(IHandler<GetDocument, DocumentView> get) : PageModel
{
    public DocumentView Document { get; private set; } = null!;

    public string VerifyUrl { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        if (DocumentKinds.FromSlug(kind) is not { } documentKind)
        {
            return NotFound();
        }

        Document = await get.HandleAsync(new GetDocument(id, documentKind, User.ToWorkflowActor()), cancellationToken);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/Verify";
        return Page();
    }
}

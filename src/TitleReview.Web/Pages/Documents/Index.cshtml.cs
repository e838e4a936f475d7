using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
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

    /// <summary>
    /// The envelope label's code as a QR code (inline SVG): a USB scanner at the office's counter
    /// reads it and types the code and Enter. It carries the bare code, as printed beside it.
    /// </summary>
    public string? EnvelopeQrSvg { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        if (DocumentKinds.FromSlug(kind) is not { } documentKind)
        {
            return NotFound();
        }

        Document = await get.HandleAsync(new GetDocument(id, documentKind, User.ToWorkflowActor()), cancellationToken);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/Verify";
        if (documentKind == DocumentKind.EnvelopeLabel)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(Document.VerificationCode, QRCodeGenerator.ECCLevel.M);
            EnvelopeQrSvg = new SvgQRCode(data).GetGraphic(6);
        }

        return Page();
    }
}

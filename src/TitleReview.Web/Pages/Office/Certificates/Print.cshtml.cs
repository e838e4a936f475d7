using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Certificates;

/// <summary>
/// The print of certificates onto the province's pre-printed template: one certificate, every valid
/// one of a unit, or a sample sheet to test the layout. Fields are placed in mm; the photo check
/// from the paper intake shows on the screen only.
/// </summary>
public sealed class PrintModel(IHandler<GetCertificatePrint, CertificatePrint> get) : PageModel
{
    public CertificatePrint Print { get; private set; } = null!;

    /// <summary>Each sheet's QR code (inline SVG) carrying its verification address, by sheet.</summary>
    public IReadOnlyList<string> QrSvgs { get; private set; } = [];

    public async Task OnGetAsync(int year, Guid? id, Guid? unitId, bool sample, CancellationToken cancellationToken)
    {
        Print = await get.HandleAsync(new GetCertificatePrint(year, id, unitId, sample, User.ToWorkflowActor()), cancellationToken);
        using var generator = new QRCodeGenerator();
        QrSvgs = Print.Sheets.Select(sheet =>
        {
            using var data = generator.CreateQrCode(sheet.VerificationUrl, QRCodeGenerator.ECCLevel.M);
            return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: false, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        }).ToList();
    }
}

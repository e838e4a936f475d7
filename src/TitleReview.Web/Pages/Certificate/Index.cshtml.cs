using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages.Certificate;

/// <summary>
/// 证书核验: anyone checks a certificate by the code its QR code carries, or types the code. It
/// shows name, title, year, number, unit and whether the certificate is valid or revoked; never
/// the full ID number. An unknown code answers 404 with a page that says so.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IHandler<VerifyCertificate, CertificateVerification> verify) : PageModel
{
    public string? Code { get; private set; }

    public CertificateVerification? Result { get; private set; }

    public bool Unknown { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Code = code;
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        try
        {
            Result = await verify.HandleAsync(new VerifyCertificate(code), cancellationToken);
        }
        catch (NotFoundException)
        {
            Unknown = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

/// <summary>证书领取: the unit's certificates of the year, which wait at the office and which the unit collected.</summary>
public sealed class CertificatesModel(IHandler<GetUnitCertificates, UnitCertificatesView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public UnitCertificatesView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetUnitCertificates(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }
}

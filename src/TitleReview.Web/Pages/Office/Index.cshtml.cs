using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Campaigns.ListCampaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetOfficeHome;
using TitleReview.Application.Security.GetAuditLog;

namespace TitleReview.Web.Pages.Office;

public sealed class IndexModel(IHandler<GetOfficeHome, OfficeHome> home) : PageModel
{
    private OfficeHome _home = null!;

    public DateOnly Today => _home.Today;

    public string TodayDescription => _home.TodayDescription;

    public int UnitCount => _home.UnitCount;

    public IReadOnlyDictionary<string, int> AccountsByRole => _home.AccountsByRole;

    public IReadOnlyList<AuditEntryDto> RecentEvents => _home.RecentEvents;

    public IReadOnlyList<CampaignSummary> Campaigns => _home.Campaigns;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        _home = await home.HandleAsync(new GetOfficeHome(), cancellationToken);
}

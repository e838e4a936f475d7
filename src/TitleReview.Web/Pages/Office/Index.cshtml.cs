using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns.ListCampaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Security.GetAuditLog;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Office;

public sealed class IndexModel(
    IApplicationDbContext db,
    AccountDirectory accounts,
    IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>> auditLog,
    IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>> campaigns,
    WorkingDayCalendar calendar,
    TimeProvider clock) : PageModel
{
    private const int RecentEventCount = 8;

    public DateOnly Today { get; private set; }

    public string TodayDescription { get; private set; } = string.Empty;

    public int UnitCount { get; private set; }

    public IReadOnlyDictionary<string, int> AccountsByRole { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<AuditEntryDto> RecentEvents { get; private set; } = [];

    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = BeijingTime.Today(clock);
        TodayDescription = calendar.HasYear(Today.Year)
            ? (calendar.IsWorkingDay(Today) ? "工作日" : "休息日")
            : $"{Today.Year} 年节假日安排尚未录入工作日历";
        UnitCount = await db.Units.CountAsync(cancellationToken);
        AccountsByRole = await accounts.CountByRoleAsync(cancellationToken);
        Campaigns = await campaigns.HandleAsync(new ListCampaigns(), cancellationToken);
        RecentEvents = (await auditLog.HandleAsync(new GetAuditLogQuery(PageSize: RecentEventCount), cancellationToken)).Items;
    }
}

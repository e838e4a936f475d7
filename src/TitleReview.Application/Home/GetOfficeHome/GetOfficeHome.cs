using TitleReview.Application.Campaigns.ListCampaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Security;
using TitleReview.Application.Security.GetAuditLog;
using TitleReview.Application.Units;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Time;

namespace TitleReview.Application.Home.GetOfficeHome;

/// <summary>The office's home page: today in the working-day calendar, how many units and accounts, the latest security events, the campaigns.</summary>
public sealed record GetOfficeHome;

/// <param name="TodayDescription">Whether today (Beijing) is a working day, or that its year has no calendar yet.</param>
public sealed record OfficeHome(
    DateOnly Today,
    string TodayDescription,
    int UnitCount,
    IReadOnlyDictionary<string, int> AccountsByRole,
    IReadOnlyList<AuditEntryDto> RecentEvents,
    IReadOnlyList<CampaignSummary> Campaigns);

internal sealed class GetOfficeHomeHandler(
    IUnitDirectory units,
    IAccountDirectory accounts,
    IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>> auditLog,
    IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>> campaigns,
    WorkingDayCalendar calendar,
    TimeProvider clock) : IHandler<GetOfficeHome, OfficeHome>
{
    public const int RecentEventCount = 8;

    public async Task<OfficeHome> HandleAsync(GetOfficeHome request, CancellationToken cancellationToken = default)
    {
        var today = BeijingTime.Today(clock);
        var todayDescription = calendar.HasYear(today.Year)
            ? (calendar.IsWorkingDay(today) ? "工作日" : "休息日")
            : $"{today.Year} 年节假日安排尚未录入工作日历";
        return new OfficeHome(
            today,
            todayDescription,
            await units.CountAsync(cancellationToken),
            await accounts.CountByRoleAsync(cancellationToken),
            (await auditLog.HandleAsync(new GetAuditLogQuery(PageSize: RecentEventCount), cancellationToken)).Items,
            await campaigns.HandleAsync(new ListCampaigns(), cancellationToken));
    }
}

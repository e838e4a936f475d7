using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Campaigns.ListCampaigns;
using TitleReview.Application.Campaigns.UpdateStageWindow;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Security.GetAuditLog;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/me", GetCurrentUserAsync)
            .WithName("GetCurrentUser")
            .WithSummary("当前登录用户");

        api.MapGet("/office/audit-log", GetAuditLogAsync)
            .RequireAuthorization(Policies.Office)
            .WithName("GetAuditLog")
            .WithSummary("安全审计日志（登录成功、失败、锁定、退出）");

        api.MapGet("/calendar/working-days", AddWorkingDays)
            .WithName("AddWorkingDays")
            .WithSummary("按工作日历计算工作日");

        var campaigns = api.MapGroup("/campaigns").WithTags("年度评审");
        campaigns.MapGet("/", (IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>> handler, CancellationToken ct) =>
                handler.HandleAsync(new ListCampaigns(), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("年度评审工作列表");
        campaigns.MapGet("/{year:int}/timeline", (int year, IHandler<GetTimeline, TimelineDto> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetTimeline(year), ct))
            .WithSummary("某年度的时间安排及各阶段状态");
        campaigns.MapGet("/{year:int}/timeline/export", ExportTimelineAsync)
            .WithName(SiteUrls.ExportTimelineEndpoint)
            .RequireAuthorization(Policies.Office)
            .WithSummary("导出时间安排 JSON");
        campaigns.MapPut("/{year:int}/stages/{key}", UpdateStageAsync)
            .RequireAuthorization(Policies.Office)
            .WithSummary("修改某阶段的时间窗口（北京时间）");

        var workflows = api.MapGroup("/workflows").WithTags("流程");
        workflows.MapGet("/counts", (int year, string? definitionId, IHandler<GetStateCounts, StateCountsDto> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetStateCounts(year, string.IsNullOrWhiteSpace(definitionId) ? "application" : definitionId), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("各状态的流程实例数量");
        workflows.MapGet("/instances", ListInstancesAsync)
            .RequireAuthorization(Policies.Office)
            .WithSummary("流程实例列表（可筛选、分页）");
        workflows.MapGet("/instances/{id:guid}", (Guid id, ClaimsPrincipal user, IHandler<GetInstanceDetail, InstanceDetailDto> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetInstanceDetail(id, user.ToWorkflowActor()), ct))
            .WithSummary("流程实例详情：日志、定时任务、异常、当前可执行的操作");
        workflows.MapPost("/instances/{id:guid}/fire", FireAsync)
            .WithSummary("对流程实例执行操作");
        workflows.MapPost("/clock/run", async (IWorkflowClock clock, CancellationToken ct) => new { fired = await clock.RunAsync(ct) })
            .RequireAuthorization(Policies.Office)
            .WithSummary("立即运行系统时钟");

        return app;
    }

    private static async Task<IResult> ExportTimelineAsync(int year, IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Stages).AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, cancellationToken)
            ?? throw new Application.Common.Exceptions.NotFoundException($"{year} 年度评审工作");
        var json = TimelineDocument.From(campaign).ToJson();
        return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"timeline-{year}.json");
    }

    private static async Task<TimelineDto> UpdateStageAsync(
        int year,
        string key,
        StageWindowInput input,
        ClaimsPrincipal user,
        IHandler<GetTimeline, TimelineDto> timeline,
        IHandler<UpdateStageWindow, Guid> update,
        CancellationToken cancellationToken)
    {
        var current = await timeline.HandleAsync(new GetTimeline(year), cancellationToken);
        var validation = new Validation();
        var opensOk = DateTime.TryParseExact(input.OpensAt, BeijingInputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens);
        var closesOk = DateTime.TryParseExact(input.LastSecond, BeijingInputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes);
        validation.Require(opensOk, "opensAt", "开始时间须为北京时间 yyyy-MM-ddTHH:mm:ss，例如 2023-08-01T00:00:00。");
        validation.Require(closesOk, "lastSecond", "结束时间须为北京时间 yyyy-MM-ddTHH:mm:ss，例如 2023-08-31T23:59:59。");
        validation.ThrowIfInvalid();

        await update.HandleAsync(new UpdateStageWindow(current.CampaignId, key, opens, closes, input.ExpectedToken, user.ToWorkflowActor()), cancellationToken);
        return await timeline.HandleAsync(new GetTimeline(year), cancellationToken);
    }

    private static Task<PagedList<InstanceListItem>> ListInstancesAsync(
        int? year,
        string? definitionId,
        string? state,
        WorkflowStatus? status,
        Guid? unitId,
        string? level,
        bool? hasIncidents,
        int? waitingLongerThanDays,
        int? page,
        int? pageSize,
        IHandler<ListInstances, PagedList<InstanceListItem>> handler,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(new ListInstances(year, definitionId, state, status, unitId, level, hasIncidents, waitingLongerThanDays, page, pageSize), cancellationToken);

    private static Task<FireResult> FireAsync(
        Guid id,
        FireInput input,
        ClaimsPrincipal user,
        IHandler<FireTrigger, FireResult> handler,
        CancellationToken cancellationToken)
    {
        DateTimeOffset? until = null;
        if (!string.IsNullOrWhiteSpace(input.Until))
        {
            if (!DateTime.TryParseExact(input.Until, BeijingInputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new Application.Common.Exceptions.ValidationException("until", "截止时间须为北京时间 yyyy-MM-ddTHH:mm:ss。");
            }

            until = BeijingInput.FromInput(local, "until", "截止时间");
        }

        if (string.IsNullOrWhiteSpace(input.Trigger))
        {
            throw new Application.Common.Exceptions.ValidationException("trigger", "请指定要执行的操作。");
        }

        return handler.HandleAsync(new FireTrigger(id, input.Trigger, user.ToWorkflowActor(), input.Reason, until, input.ExpectedToken), cancellationToken);
    }

    private const string BeijingInputFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <param name="OpensAt">Beijing time, <c>yyyy-MM-ddTHH:mm:ss</c>.</param>
    /// <param name="LastSecond">The window's last second, Beijing time.</param>
    internal sealed record StageWindowInput(string? OpensAt, string? LastSecond, Guid? ExpectedToken);

    /// <param name="Until">For a reopen: Beijing time, <c>yyyy-MM-ddTHH:mm:ss</c>.</param>
    internal sealed record FireInput(string? Trigger, string? Reason, string? Until, Guid? ExpectedToken);

    private static async Task<CurrentUserDto> GetCurrentUserAsync(ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db)
    {
        var user = await users.GetUserAsync(principal)
            ?? throw new Application.Common.Exceptions.NotFoundException("当前用户");
        var roles = await users.GetRolesAsync(user);
        var unitName = user.UnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync()
            : null;
        return new CurrentUserDto(user.UserName!, user.DisplayName, roles.ToList(), unitName);
    }

    private static Task<PagedList<AuditEntryDto>> GetAuditLogAsync(
        string? actor,
        AuditAction? action,
        int? page,
        int? pageSize,
        IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>> handler,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(new GetAuditLogQuery(actor, action, page, pageSize), cancellationToken);

    private static WorkingDaysDto AddWorkingDays(string? start, int? days, WorkingDayCalendar calendar)
    {
        var validation = new Validation();
        var parsed = DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDate);
        validation.Require(parsed, "start", "请填写起始日期，格式为 yyyy-MM-dd，例如 2023-09-27。");
        validation.Require(days is >= 1 and <= 366, "days", "工作日天数须为 1 到 366 之间的整数。");
        validation.ThrowIfInvalid();

        return new WorkingDaysDto(
            startDate,
            days!.Value,
            calendar.AddWorkingDays(startDate, days.Value),
            calendar.EndOfPeriod(startDate, days.Value));
    }

    internal sealed record CurrentUserDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? UnitName);

    /// <param name="AddedEnd">The day after which <paramref name="Days"/> working days have passed, not counting the start day.</param>
    /// <param name="PeriodEnd">The last day of a period of <paramref name="Days"/> working days that begins on the start day.</param>
    internal sealed record WorkingDaysDto(DateOnly Start, int Days, DateOnly AddedEnd, DateOnly PeriodEnd);
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Security.GetAuditLog;
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

        return app;
    }

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

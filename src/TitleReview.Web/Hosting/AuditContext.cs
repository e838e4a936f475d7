using System.Security.Claims;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Fills the request's audit context (ADR 0053) after sign-in is read: the account, its roles and
/// unit, the client's address (the proxy's forwarded one, ForwardedHeaders runs first) and its
/// browser. Every audit row the request writes takes its "who" and "from where" from here.
/// </summary>
internal static class AuditContext
{
    public static IApplicationBuilder UseAuditContext(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var scope = context.RequestServices.GetRequiredService<AuditScope>();
            scope.RemoteAddress = context.Connection.RemoteIpAddress?.ToString();
            var agent = context.Request.Headers.UserAgent.ToString();
            scope.UserAgent = string.IsNullOrWhiteSpace(agent) ? null : agent;
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true)
            {
                scope.UserName = user.Identity.Name;
                scope.UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
                scope.DisplayName = user.FindFirstValue(AppUserClaimsPrincipalFactory.DisplayNameClaim);
                scope.Roles = [.. Roles.All.Where(user.IsInRole)];
                scope.UnitId = Guid.TryParse(user.FindFirstValue(AppUserClaimsPrincipalFactory.UnitIdClaim), out var unit) ? unit : null;
            }

            await next();
        });
}

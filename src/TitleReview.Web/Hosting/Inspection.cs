using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The discipline inspector (纪检监察, ADR 52) reads and never writes: any request of theirs that
/// could change something (every method but GET and HEAD) is refused with 403 before it reaches a
/// page or an endpoint, except their own account's pages (sign-out, password, second factor) and
/// their own notification centre (marking their own notifications read changes nothing of the office's);
/// every read they make is written to the security audit log (who, what, when, from where).
/// </summary>
internal static class Inspection
{
    /// <summary>An inspector who is nothing else: an account that also works for the office is office staff.</summary>
    public static bool IsInspector(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Inspector) && !user.IsInRole(Roles.Office);

    public static IApplicationBuilder UseInspection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsInspector(context.User))
            {
                await next();
                return;
            }

            var request = context.Request;
            var what = $"{request.Method} {request.Path}{request.QueryString}";
            if (!IsRead(request) && !IsTheirOwn(request))
            {
                await RecordAsync(context, AuditAction.InspectorWriteRefused, false, what);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                if (request.Path.StartsWithSegments("/api"))
                {
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "纪检监察只读", Detail = RefusalMessage },
                    });
                }

                return;
            }

            await next();
            if (IsRead(request))
            {
                await RecordAsync(context, AuditAction.InspectorViewed, context.Response.StatusCode < StatusCodes.Status400BadRequest, $"{what} → {context.Response.StatusCode}");
            }
        });

    public const string RefusalMessage = "纪检监察账号只能查阅，不能办理或修改任何事项。";

    /// <summary>The inspector's own account pages and their own notification centre, which they may write.</summary>
    private static bool IsTheirOwn(HttpRequest request) =>
        request.Path.StartsWithSegments("/Account") || request.Path.StartsWithSegments("/Notifications");

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static Task RecordAsync(HttpContext context, AuditAction action, bool succeeded, string what) =>
        context.RequestServices.GetRequiredService<IHandler<SecurityEvent, long>>().HandleAsync(
            new SecurityEvent(
                context.User.Identity?.Name ?? string.Empty,
                context.User.FindFirstValue(ClaimTypes.NameIdentifier),
                action,
                succeeded,
                context.Connection.RemoteIpAddress?.ToString(),
                what),
            CancellationToken.None);
}

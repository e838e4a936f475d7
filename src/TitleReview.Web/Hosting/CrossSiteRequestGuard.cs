using Microsoft.AspNetCore.Mvc;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The JSON API is authenticated by the same cookie as the pages but carries no antiforgery
/// token, so an unsafe request (POST, PUT, PATCH, DELETE) under <c>/api</c> that brings the
/// sign-in cookie must come from the site itself: an <c>Origin</c> other than the request's
/// own scheme, host and port is refused with 403, and so is a request without <c>Origin</c>
/// whose browser says <c>Sec-Fetch-Site: cross-site</c> or <c>same-site</c>. Requests without
/// the cookie (scripts, other servers) are not affected: they are not signed in.
/// </summary>
internal static class CrossSiteRequestGuard
{
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsRefused(context.Request))
            {
                await next();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "已拒绝跨站请求",
                    Detail = "该操作只能在本系统的页面中发起；来自其他网站的请求已被拒绝。",
                },
            });
        });

    internal static bool IsRefused(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api")
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || !request.Cookies.ContainsKey(WebHostingExtensions.AuthCookieName))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            return !IsSameOrigin(origin, request);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site";
    }

    private static bool IsSameOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var port = request.Host.Port ?? (string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == port;
    }
}

using Serilog.Context;

namespace TitleReview.Web.Hosting;

/// <summary>
/// One id per request (ADR 0061): the proxy's <c>X-Request-ID</c> when it is short and made of safe
/// characters (nginx's <c>$request_id</c> is 32 hex digits), a new one otherwise. It is the request's
/// <see cref="HttpContext.TraceIdentifier"/>, goes back on the response's <c>X-Request-ID</c>, is the
/// <c>CorrelationId</c> property of every log line written while the request runs, and is what the
/// error page shows, so the number a user quotes is the one the operator searches the logs for.
/// </summary>
internal static class CorrelationId
{
    public const string HeaderName = "X-Request-ID";

    /// <summary>The log property every line of a request carries.</summary>
    public const string LogProperty = "CorrelationId";

    /// <summary>The API's problem details carry the id under this name.</summary>
    public const string ProblemDetailsKey = "requestId";

    /// <summary>The longest incoming id kept; a longer one is replaced.</summary>
    public const int MaxLength = 64;

    /// <summary>Must run before the request log and the exception handler, so both see the id.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[HeaderName].ToString();
            var id = IsAcceptable(incoming) ? incoming : NewId();
            context.TraceIdentifier = id;

            // Set as the response starts: the exception handler clears the headers before the error page.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            });
            using (LogContext.PushProperty(LogProperty, id))
            {
                await next();
            }
        });

    /// <summary>1 to <see cref="MaxLength"/> letters, digits, '-', '_' or '.': nothing a log line or a page could be misled by.</summary>
    public static bool IsAcceptable(string? candidate) =>
        !string.IsNullOrEmpty(candidate)
        && candidate.Length <= MaxLength
        && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>32 hex digits, the shape of nginx's own ids.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}

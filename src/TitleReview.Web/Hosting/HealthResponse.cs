using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The readiness answer: each check's name and status for anyone (a monitor needs no account), and
/// its description, which names folders, buckets and free space, only for a caller on this machine
/// (the container's own probe, an operator's curl) or a signed-in office or inspector account.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var detailed = MaySeeDetails(context);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = detailed ? e.Value.Description : null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    /// <summary>After the forwarded headers, a request through the proxy has the user's address, not loopback.</summary>
    private static bool MaySeeDetails(HttpContext context) =>
        (context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address))
        || context.User.IsInRole(Policies.Office)
        || Inspection.IsInspector(context.User);
}

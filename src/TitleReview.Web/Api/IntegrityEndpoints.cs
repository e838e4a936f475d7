using Microsoft.Net.Http.Headers;
using TitleReview.Application.Applications.Integrity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class IntegrityEndpoints
{
    public static IEndpointRouteBuilder MapIntegrityApi(this IEndpointRouteBuilder app)
    {
        // An integrity case's evidence scan, for the office only, checked against its SHA-256; under /files like
        // the dossier's scans, so it gets their headers and their answers to a refusal.
        app.MapGet("/files/integrity/{caseId:guid}/{evidenceId:guid}", async (Guid caseId, Guid evidenceId, bool? download, HttpContext http, IHandler<OpenIntegrityScan, OpenedIntegrityScan> open, CancellationToken ct) =>
            {
                var file = await open.HandleAsync(new OpenIntegrityScan(caseId, evidenceId, http.User.ToWorkflowActor()), ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
                disposition.SetHttpFileName(file.DownloadName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.Stream(file.Content, file.ContentType, enableRangeProcessing: true);
            })
            .RequireAuthorization(Policies.Office)
            .WithName(SiteUrls.OpenIntegrityScanEndpoint)
            .WithTags("诚信案件")
            .WithSummary("查看或下载诚信案件的证据扫描件（校验 SHA-256；仅省政工职评办）");
        return app;
    }
}

using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Fees;
using TitleReview.Application.Fees.GetReconciliation;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class FeesEndpoints
{
    public static IEndpointRouteBuilder MapFeesApi(this IEndpointRouteBuilder app)
    {
        // A voucher is served only to the unit's own auditor and the office, checked against its SHA-256; under
        // /files like the scans, so it gets their headers and their answers to a refusal.
        app.MapGet("/files/vouchers/{id:guid}", async (Guid id, HttpContext http, IHandler<OpenVoucher, OpenedVoucher> open, CancellationToken ct) =>
            {
                var file = await open.HandleAsync(new OpenVoucher(id, http.User.ToWorkflowActor()), ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                var disposition = new ContentDispositionHeaderValue("inline");
                disposition.SetHttpFileName(file.DownloadName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.Stream(file.Content, file.ContentType, enableRangeProcessing: true);
            })
            .RequireAuthorization()
            .WithName(SiteUrls.OpenVoucherEndpoint)
            .WithTags("评审费")
            .WithSummary("查看转账凭证（校验 SHA-256；仅本单位审核人和省政工职评办）");

        app.MapGet("/api/office/payments", async (ClaimsPrincipal user, IHandler<GetReconciliation, ReconciliationView> handler, CancellationToken ct) =>
                Results.Ok(await handler.HandleAsync(new GetReconciliation(user.ToWorkflowActor()), ct)))
            .RequireAuthorization(Policies.Office)
            .WithTags("评审费")
            .WithSummary("各单位应缴、实收评审费及缴费状态，待处理的银行流水");
        return app;
    }
}

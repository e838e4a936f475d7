using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class SupplementEndpoints
{
    /// <summary>Room for the multipart envelope around a file at the per-file limit.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapSupplementApi(this IEndpointRouteBuilder app)
    {
        // Served only to the applicant, their unit's auditor and the office, checked against their SHA-256.
        app.MapGet("/files/supplements/{id:guid}", async (Guid id, bool? download, HttpContext http, IHandler<OpenSupplementFile, OpenedAttachment> open, CancellationToken ct) =>
            {
                var file = await open.HandleAsync(new OpenSupplementFile(id, http.User.ToWorkflowActor()), ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
                disposition.SetHttpFileName(file.DownloadName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.Stream(file.Content, file.ContentType, enableRangeProcessing: true);
            })
            .RequireAuthorization()
            .WithName(SiteUrls.OpenSupplementFileEndpoint)
            .WithTags("补充材料")
            .WithSummary("查看或下载补充材料文件（校验 SHA-256）");

        var supplement = app.MapGroup("/api/applications/{id:guid}/supplement").WithTags("补充材料").RequireAuthorization();

        supplement.MapGet("/", (Guid id, ClaimsPrincipal user, IHandler<GetSupplement, SupplementView> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetSupplement(id, user.ToWorkflowActor()), ct))
            .WithSummary("初审不通过原因、公示期与补充材料");

        supplement.MapPost("/files", UploadAsync)
            .DisableAntiforgery()
            .WithSummary("上传补充材料文件（公示期内，初审未通过人员；PDF、JPEG、PNG，按内容识别；超出大小返回 413）");

        supplement.MapPost("/submit", (Guid id, SubmitInput input, ClaimsPrincipal user, IHandler<SubmitSupplement, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new SubmitSupplement(id, input.Note, user.ToWorkflowActor()), ct))
            .WithSummary("提交补充材料（须附说明）");

        return app;
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, ClaimsPrincipal user, IOptions<UploadOptions> options, IHandler<UploadSupplementFile, SupplementFileInfo> handler, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length > options.Value.MaxFileBytes + MultipartOverhead)
        {
            throw UploadRejectedException.TooLarge(options.Value.MaxFileBytes);
        }

        // Streamed from the request body to the file store, as the dossier's scans are (ADR 0028).
        await using var upload = MultipartUpload.Start(request, cancellationToken);
        var content = await upload.ReadUntilFileAsync(options.Value.MaxFileBytes);
        var info = await handler.HandleAsync(new UploadSupplementFile(id, content, upload.FileName, upload.Length, user.ToWorkflowActor()), cancellationToken);
        return Results.Created($"/files/supplements/{info.Id}", info);
    }

    internal sealed record SubmitInput(string? Note);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class DossierEndpoints
{
    /// <summary>Room for the multipart envelope around a file at the per-file limit.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapDossierApi(this IEndpointRouteBuilder app)
    {
        // Scans are served only to the applicant, their auditor, the office and the experts assigned the candidate, checked against their SHA-256.
        app.MapGet("/files/{id:guid}", async (Guid id, bool? download, HttpContext http, IHandler<OpenAttachment, OpenedAttachment> open, CancellationToken ct) =>
            {
                var file = await open.HandleAsync(new OpenAttachment(id, http.User.ToWorkflowActor()), ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
                disposition.SetHttpFileName(file.DownloadName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                // Checked whole before the first byte leaves, then sent from the open file with its
                // length; a viewer that asks for a range of a large PDF gets only that range.
                return Results.Stream(file.Content, file.ContentType, enableRangeProcessing: true);
            })
            .WithName(SiteUrls.OpenAttachmentEndpoint)
            .WithTags("申报材料")
            .WithSummary("查看或下载扫描件（校验 SHA-256）");

        var dossier = app.MapGroup("/api/applications/{id:guid}/dossier").WithTags("申报材料");

        dossier.MapGet("/", async (Guid id, ClaimsPrincipal user, IHandler<GetDossier, DossierView> handler, CancellationToken ct) =>
                ToJson(await handler.HandleAsync(new GetDossier(id, user.ToWorkflowActor()), ct)))
            .WithSummary("申报材料全文、完整性检查、核验清单与退回意见");

        dossier.MapPut("/personal", (Guid id, PersonalInput input, ClaimsPrincipal user, IHandler<SavePersonalInfo, DossierChange> handler, CancellationToken ct) =>
                handler.HandleAsync(
                    new SavePersonalInfo(id, input.CurrentTitle, input.CurrentTitleDate, input.CurrentPost, input.EvaluationType, input.FromCivilService, input.ExpectedToken, user.ToWorkflowActor())
                    {
                        CurrentTitleLevel = input.CurrentTitleLevel,
                        EducationDegree = input.EducationDegree,
                        EducationSchool = input.EducationSchool,
                        GraduationYear = input.GraduationYear,
                    },
                    ct))
            .WithSummary("保存个人基本信息");

        dossier.MapPost("/items", (Guid id, ItemInput input, ClaimsPrincipal user, IHandler<AddDossierItem, DossierChange> handler, CancellationToken ct) =>
                handler.HandleAsync(new AddDossierItem(id, input.Item ?? new DossierItemInput(null), input.ExpectedToken, user.ToWorkflowActor()), ct))
            .WithSummary("添加一条继续教育、工作经历、获奖、工作材料、论文或著作记录");

        dossier.MapDelete("/items/{itemId:guid}", (Guid id, Guid itemId, Guid? expectedToken, ClaimsPrincipal user, IHandler<DeleteDossierItem, DossierChange> handler, CancellationToken ct) =>
                handler.HandleAsync(new DeleteDossierItem(id, itemId, expectedToken, user.ToWorkflowActor()), ct))
            .WithSummary("删除一条记录（连同其扫描件）");

        dossier.MapPost("/attachments", UploadAsync)
            .DisableAntiforgery()
            .WithSummary("上传扫描件（PDF、JPEG、PNG，按内容识别；超出大小返回 413）");

        dossier.MapPost("/verifications", (Guid id, VerifyInput input, ClaimsPrincipal user, IHandler<VerifyItem, Guid> handler, CancellationToken ct) =>
                handler.HandleAsync(new VerifyItem(id, input.ItemKey ?? string.Empty, input.Verified, user.ToWorkflowActor()), ct))
            .WithSummary("审核人核验（或取消核验）一个必须校验的项目");

        dossier.MapPost("/return", (Guid id, ReturnInput input, ClaimsPrincipal user, IHandler<ReturnDossier, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new ReturnDossier(id, input.Reasons ?? [], input.ExpectedToken, user.ToWorkflowActor()), ct))
            .WithSummary("退回修改，按部分填写原因");

        dossier.MapPost("/submit", (Guid id, TokenInput? input, ClaimsPrincipal user, IHandler<SubmitDossier, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new SubmitDossier(id, user.ToWorkflowActor(), input?.ExpectedToken), ct))
            .WithSummary("申报人提交单位审核（材料须完整，在填报时间内）");

        dossier.MapPost("/approve", (Guid id, TokenInput? input, ClaimsPrincipal user, IHandler<ApproveDossier, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new ApproveDossier(id, user.ToWorkflowActor(), input?.ExpectedToken), ct))
            .WithSummary("审核人审核通过（必须校验的项目须全部核验）");

        return app;
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, ClaimsPrincipal user, IOptions<UploadOptions> options, IHandler<UploadAttachment, AttachmentInfo> handler, CancellationToken cancellationToken)
    {
        // Refused before anything is read when the request says it is too big.
        if (request.ContentLength is { } length && length > options.Value.MaxFileBytes + MultipartOverhead)
        {
            throw UploadRejectedException.TooLarge(options.Value.MaxFileBytes);
        }

        // Streamed from the request body to the file store: no buffered form, no second copy (ADR 0028).
        await using var upload = MultipartUpload.Start(request, cancellationToken);
        var content = await upload.ReadUntilFileAsync(options.Value.MaxFileBytes);
        var info = await handler.HandleAsync(new UploadAttachment(id, upload.Slot, content, upload.FileName, upload.Length, upload.ExpectedToken, user.ToWorkflowActor()), cancellationToken);
        return Results.Created($"/files/{info.Id}", info);
    }

    private static object ToJson(DossierView d) => new
    {
        d.ApplicationId,
        d.InstanceId,
        d.Year,
        d.ApplicantName,
        d.UnitName,
        Level = d.Level.ToString(),
        d.CurrentTitle,
        d.CurrentTitleDate,
        d.CurrentPost,
        EvaluationType = d.EvaluationType.ToString(),
        CurrentTitleLevel = d.CurrentTitleLevel?.ToString(),
        Education = d.Education is { } e ? new { Degree = e.Degree.ToString(), e.School, e.GraduationYear } : null,
        d.TenureText,
        d.State,
        d.StateName,
        d.DossierToken,
        d.InstanceToken,
        d.Editable,
        d.NotEditableReason,
        Items = d.Entries.Select(i => new { i.Id, i.Key, Section = i.Section.ToString(), i.Description }),
        Attachments = d.Attachments.Values.Select(a => new { a.Id, a.SlotKey, a.Name, a.ContentType, a.Length, a.DuplicateCount, a.DuplicatedIn }),
        Missing = d.Missing.Select(m => new { Section = m.Section.ToString(), m.Message }),
        Mandatory = d.Mandatory.Select(m => new { m.Key, Section = m.Section.ToString(), m.Description, m.Verified }),
        Eligibility = d.Eligibility,
        Returned = d.LatestReturn.Select(r => new { Section = r.Section.ToString(), r.Reason, r.Round }),
        Actions = d.PermittedTriggers,
    };

    internal sealed record PersonalInput(
        string? CurrentTitle,
        DateOnly? CurrentTitleDate,
        string? CurrentPost,
        EvaluationType? EvaluationType,
        bool FromCivilService,
        Guid? ExpectedToken,
        CurrentTitleLevel? CurrentTitleLevel = null,
        EducationDegree? EducationDegree = null,
        string? EducationSchool = null,
        int? GraduationYear = null);

    internal sealed record ItemInput(DossierItemInput? Item, Guid? ExpectedToken);

    internal sealed record VerifyInput(string? ItemKey, bool Verified);

    internal sealed record ReturnInput(Dictionary<DossierSection, string?>? Reasons, Guid? ExpectedToken);

    internal sealed record TokenInput(Guid? ExpectedToken);
}

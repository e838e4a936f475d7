using System.Security.Claims;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class PublicityEndpoints
{
    public static IEndpointRouteBuilder MapPublicityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("单位公示与报送");

        group.MapPost("/publicity/start", (StartInput input, ClaimsPrincipal user, IHandler<StartUnitPublicity, PublicityStarted> handler, CancellationToken ct) =>
                handler.HandleAsync(new StartUnitPublicity(input.ApplicationIds ?? [], user.ToWorkflowActor()), ct))
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("开始单位公示（自当天起 5 个工作日，按节假日安排计算结束日；开始日期由服务器时间确定）");

        group.MapPost("/applications/{id:guid}/publicity/result", (Guid id, ResultInput input, ClaimsPrincipal user, IHandler<RecordUnitPublicity, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new RecordUnitPublicity(id, input.Outcome, input.Note, user.ToWorkflowActor()), ct))
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("记录单位公示结果");

        group.MapPost("/publicity/submit-to-office", async (SubmitInput input, ClaimsPrincipal user, IHandler<SubmitToOffice, int> handler, CancellationToken ct) =>
                new { submitted = await handler.HandleAsync(new SubmitToOffice(input.ApplicationIds ?? [], user.ToWorkflowActor()), ct) })
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("报送省政工职评办（可多人一并报送）");

        group.MapGet("/office/incoming", (int year, IHandler<ListIncoming, IReadOnlyList<IncomingUnit>> handler, CancellationToken ct) =>
                handler.HandleAsync(new ListIncoming(year), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("各单位报送的电子材料及人数");

        group.MapGet("/documents/verify", (string? code, IHandler<VerifyDocument, VerificationResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new VerifyDocument(code), ct))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Lookup)
            .WithSummary("凭校验码核验系统生成的文件");

        return app;
    }

    internal sealed record StartInput(IReadOnlyList<Guid>? ApplicationIds);

    internal sealed record ResultInput(PublicityOutcome? Outcome, string? Note);

    internal sealed record SubmitInput(IReadOnlyList<Guid>? ApplicationIds);
}

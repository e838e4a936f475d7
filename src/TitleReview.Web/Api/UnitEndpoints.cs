using System.Security.Claims;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Units.ReplaceAuditor;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Application.Workflows;
using TitleReview.Application.Units.ConfirmRegistration;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units/registrations").WithTags("申报单位");

        units.MapPost("/", async (RegisterUnit request, IHandler<RegisterUnit, RegistrationReceipt> handler, CancellationToken ct) =>
            {
                var receipt = await handler.HandleAsync(request, ct);
                return Results.Created($"/api/units/registrations/{receipt.RegistrationId}", receipt);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Registration)
            .WithSummary("报送审核人信息（报送时间内）；查询码只在此应答中出现一次，并发送至填报人");

        units.MapPost("/lookup", (AccessTokenInput input, IHandler<GetRegistrationStatus, RegistrationStatus> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetRegistrationStatus(input.AccessToken), ct))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Lookup)
            .WithSummary("单位凭查询码查询报送进度（联系方式已脱敏，不含激活链接）");

        units.MapGet("/", (int? year, string? state, IHandler<ListRegistrations, IReadOnlyList<RegistrationListItem>> handler, CancellationToken ct) =>
                handler.HandleAsync(new ListRegistrations(year, state), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("报送列表（手机号、信用代码已脱敏）");

        units.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, IHandler<GetRegistration, RegistrationDetail> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetRegistration(id, user.ToWorkflowActor()), ct))
            .WithSummary("报送详情（省政工职评办或本单位审核人）");

        units.MapPost("/{id:guid}/approve", (Guid id, ExpectedTokenInput? input, ClaimsPrincipal user, IHandler<ApproveRegistration, AuditorAccountIssued> handler, CancellationToken ct) =>
                handler.HandleAsync(new ApproveRegistration(id, user.ToWorkflowActor(), input?.ExpectedToken), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("审核通过：创建审核人账号，激活链接发送至审核人手机和邮箱");

        units.MapPost("/{id:guid}/reissue-activation", (Guid id, ClaimsPrincipal user, IHandler<ReissueActivation, AuditorAccountIssued> handler, CancellationToken ct) =>
                handler.HandleAsync(new ReissueActivation(id, user.ToWorkflowActor()), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("重新发送审核人激活链接（此前的链接作废）");

        units.MapPost("/{id:guid}/reissue-access-token", (Guid id, ClaimsPrincipal user, IHandler<ReissueAccessToken, IReadOnlyList<string>> handler, CancellationToken ct) =>
                handler.HandleAsync(new ReissueAccessToken(id, user.ToWorkflowActor()), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("重新生成单位查询码并发送至填报人（此前的查询码作废）");

        units.MapPost("/{id:guid}/reject", (Guid id, ReasonInput input, ClaimsPrincipal user, IHandler<RejectRegistration, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new RejectRegistration(id, input.Reason, user.ToWorkflowActor(), input.ExpectedToken), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("退回报送（须填写原因）");

        units.MapPost("/{id:guid}/confirm", (Guid id, ExpectedTokenInput? input, ClaimsPrincipal user, IHandler<ConfirmRegistration, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new ConfirmRegistration(id, user.ToWorkflowActor(), input?.ExpectedToken), ct))
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("审核人核准本单位信息（核准时间内）");

        units.MapPost("/{id:guid}/replace-auditor", (Guid id, ReplaceAuditorInput input, ClaimsPrincipal user, IHandler<ReplaceAuditor, AuditorAccountIssued> handler, CancellationToken ct) =>
                handler.HandleAsync(new ReplaceAuditor(id, input.AuditorName, input.AuditorMobile, input.AuditorLandline, input.AuditorQq, input.AuditorEmail, input.Reason, user.ToWorkflowActor()), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("更换审核人");

        return app;
    }

    internal sealed record ExpectedTokenInput(Guid? ExpectedToken);

    internal sealed record AccessTokenInput(string? AccessToken);

    internal sealed record ReasonInput(string? Reason, Guid? ExpectedToken);

    internal sealed record ReplaceAuditorInput(string? AuditorName, string? AuditorMobile, string? AuditorLandline, string? AuditorQq, string? AuditorEmail, string? Reason);
}

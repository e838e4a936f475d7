using System.Security.Claims;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Units.ReplaceAuditor;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
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
                return Results.Created($"/api/units/registrations/lookup?number={receipt.Number}&code={receipt.CreditCode}", receipt);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Registration)
            .WithSummary("报送审核人信息（报送时间内）");

        units.MapGet("/lookup", (string? number, string? code, IHandler<FindRegistration, RegistrationDetail> handler, CancellationToken ct) =>
                handler.HandleAsync(new FindRegistration(number, code), ct))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Lookup)
            .WithSummary("单位凭报送编号和统一社会信用代码查询报送");

        units.MapGet("/", (int? year, string? state, IHandler<ListRegistrations, IReadOnlyList<RegistrationListItem>> handler, CancellationToken ct) =>
                handler.HandleAsync(new ListRegistrations(year, state), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("报送列表（手机号、信用代码已脱敏）");

        units.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, IHandler<GetRegistration, RegistrationDetail> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetRegistration(id, user.ToWorkflowActor()), ct))
            .WithSummary("报送详情（省政工职评办或本单位审核人）");

        units.MapPost("/{id:guid}/approve", (Guid id, ExpectedTokenInput? input, ClaimsPrincipal user, IHandler<ApproveRegistration, ProvisionedAccount> handler, CancellationToken ct) =>
                handler.HandleAsync(new ApproveRegistration(id, user.ToWorkflowActor(), input?.ExpectedToken), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("审核通过：创建审核人账号并生成激活链接");

        units.MapPost("/{id:guid}/reject", (Guid id, ReasonInput input, ClaimsPrincipal user, IHandler<RejectRegistration, FireResult> handler, CancellationToken ct) =>
                handler.HandleAsync(new RejectRegistration(id, input.Reason, user.ToWorkflowActor(), input.ExpectedToken), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("退回报送（须填写原因）");

        units.MapPost("/{id:guid}/confirm", async (Guid id, ClaimsPrincipal user, IHandler<GetRegistration, RegistrationDetail> get, IHandler<FireTrigger, FireResult> fire, CancellationToken ct) =>
            {
                var detail = await get.HandleAsync(new GetRegistration(id, user.ToWorkflowActor()), ct);
                return await fire.HandleAsync(new FireTrigger(detail.InstanceId, "confirm", user.ToWorkflowActor()), ct);
            })
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("审核人核准本单位信息（核准时间内）");

        units.MapPost("/{id:guid}/replace-auditor", (Guid id, ReplaceAuditorInput input, ClaimsPrincipal user, IHandler<ReplaceAuditor, ProvisionedAccount> handler, CancellationToken ct) =>
                handler.HandleAsync(new ReplaceAuditor(id, input.AuditorName, input.AuditorMobile, input.AuditorLandline, input.AuditorQq, input.AuditorEmail, input.Reason, user.ToWorkflowActor()), ct))
            .RequireAuthorization(Policies.Office)
            .WithSummary("更换审核人");

        return app;
    }

    internal sealed record ExpectedTokenInput(Guid? ExpectedToken);

    internal sealed record ReasonInput(string? Reason, Guid? ExpectedToken);

    internal sealed record ReplaceAuditorInput(string? AuditorName, string? AuditorMobile, string? AuditorLandline, string? AuditorQq, string? AuditorEmail, string? Reason);
}

using TitleReview.Application.Applicants;
using TitleReview.Application.Applicants.Queries;
using TitleReview.Application.Applicants.RegisterApplicant;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

internal static class ApplicantEndpoints
{
    public static IEndpointRouteBuilder MapApplicantApi(this IEndpointRouteBuilder app)
    {
        var applicants = app.MapGroup("/api/applicants").WithTags("申报人");

        applicants.MapPost("/", async (RegisterApplicant request, IHandler<RegisterApplicant, ApplicantAccount> handler, CancellationToken ct) =>
            {
                var account = await handler.HandleAsync(request, ct);
                return Results.Created("/api/me", account);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Registration)
            .WithSummary("申报人注册（所在单位审核人信息已核准；用户名为手机号，注册后即可登录）");

        applicants.MapGet("/units", (IHandler<ListRegistrableUnits, IReadOnlyList<RegistrableUnit>> handler, CancellationToken ct) =>
                handler.HandleAsync(new ListRegistrableUnits(), ct))
            .AllowAnonymous()
            .WithSummary("可选择的申报单位（含是否已核准：未核准单位的人员不能注册）");

        return app;
    }
}

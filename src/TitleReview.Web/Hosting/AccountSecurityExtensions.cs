using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Hosting;

internal static class AccountSecurityExtensions
{
    /// <summary>
    /// The office administrator's policy, and the rule that an office account without
    /// two-factor sign-in reaches nothing but its own account pages (ADR 0012).
    /// </summary>
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(Policies.OfficeAdmin, p => p.RequireRole(Roles.OfficeAdmin)));
        services.AddSingleton<IAuthorizationHandler, OfficeTwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, OfficeTwoFactorResultHandler>();
        return services;
    }
}

/// <summary>
/// Fails every endpoint's authorization, except the /Account pages, for a signed-in office
/// account that has not enrolled in two-factor sign-in while <c>Security:RequireOfficeTwoFactor</c> is on.
/// </summary>
internal sealed class OfficeTwoFactorHandler(IOptionsMonitor<AccountSecurityOptions> options) : IAuthorizationHandler
{
    public const string Message = "省政工职评办账号须先启用两步验证（手机验证器应用），才能使用办公功能和接口。";

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (options.CurrentValue.RequireOfficeTwoFactor
            && context.Resource is HttpContext http
            && !http.Request.Path.StartsWithSegments("/Account")
            && IsOfficeWithoutTwoFactor(context.User))
        {
            context.Fail(new AuthorizationFailureReason(this, Message));
        }

        return Task.CompletedTask;
    }

    public static bool IsOfficeWithoutTwoFactor(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Roles.All.Where(Roles.RequiresTwoFactor).Any(user.IsInRole)
        && !user.HasClaim(AppUserClaimsPrincipalFactory.TwoFactorClaim, "true");
}

/// <summary>Sends an office account stopped by <see cref="OfficeTwoFactorHandler"/> to enrol: pages redirect, the API answers 403.</summary>
internal sealed class OfficeTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string EnrolPath = "/Account/Security";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var stoppedForTwoFactor = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Handler is OfficeTwoFactorHandler) == true;
        if (!stoppedForTwoFactor)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "须先启用两步验证",
                    detail: OfficeTwoFactorHandler.Message)
                .ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(EnrolPath);
    }
}

using System.Security.Claims;
using TitleReview.Infrastructure.Identity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

public sealed record AccountReasonInput(string? Reason);

public sealed record AccountRolesInput(IReadOnlyList<string>? Roles, string? Reason);

/// <summary>Where a set-password link went, masked (the link itself is never returned).</summary>
public sealed record SentTo(IReadOnlyList<string> Destinations);

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("账号管理").RequireAuthorization(Policies.Office);

        accounts.MapGet("/", (string? search, string? role, int? page, AccountAdministration admin, CancellationToken ct) =>
                admin.ListAsync(new AccountListQuery(search, role, page ?? 1), ct))
            .WithSummary("账号列表（按姓名、用户名查找，按角色筛选，分页；手机号已脱敏）");

        accounts.MapGet("/{id}", (string id, AccountAdministration admin, CancellationToken ct) => admin.GetAsync(id, ct))
            .WithSummary("账号详情");

        accounts.MapPost("/{id}/disable", async (string id, AccountReasonInput input, ClaimsPrincipal user, AccountAdministration admin, CancellationToken ct) =>
            {
                await admin.DisableAsync(user.ToAccountActor(), id, input.Reason, ct);
                return Results.NoContent();
            })
            .WithSummary("停用账号（须填写原因；不能停用自己）");

        accounts.MapPost("/{id}/enable", async (string id, AccountReasonInput input, ClaimsPrincipal user, AccountAdministration admin, CancellationToken ct) =>
            {
                await admin.EnableAsync(user.ToAccountActor(), id, input.Reason, ct);
                return Results.NoContent();
            })
            .WithSummary("重新启用账号（须填写原因）");

        accounts.MapPost("/{id}/reset-password", async (string id, AccountReasonInput input, ClaimsPrincipal user, AccountAdministration admin, CancellationToken ct) =>
                new SentTo(await admin.ResetPasswordAsync(user.ToAccountActor(), id, input.Reason, ct)))
            .WithSummary("重置密码：清除密码，向本人手机和邮箱发送设置密码链接（须填写原因）");

        accounts.MapPost("/{id}/reset-two-factor", async (string id, AccountReasonInput input, ClaimsPrincipal user, AccountAdministration admin, CancellationToken ct) =>
            {
                await admin.ResetTwoFactorAsync(user.ToAccountActor(), id, input.Reason, ct);
                return Results.NoContent();
            })
            .WithSummary("重置两步验证（须填写原因）");

        accounts.MapPost("/staff", async (NewStaffAccount input, ClaimsPrincipal user, AccountAdministration admin, CancellationToken ct) =>
                Results.Ok(new SentTo(await admin.CreateStaffAsync(user.ToAccountActor(), input, ct))))
            .RequireAuthorization(Policies.OfficeAdmin)
            .WithSummary("系统管理员创建省政工职评办工作人员或评委账号（设置密码链接发送给本人）");

        accounts.MapPut("/{id}/roles", async (string id, AccountRolesInput input, ClaimsPrincipal user, AccountAdministration admin, CancellationToken ct) =>
            {
                await admin.ChangeRolesAsync(user.ToAccountActor(), id, input.Roles, input.Reason, ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.OfficeAdmin)
            .WithSummary("系统管理员变更工作人员或评委账号的角色（须填写原因；至少保留一位系统管理员）");

        return app;
    }
}

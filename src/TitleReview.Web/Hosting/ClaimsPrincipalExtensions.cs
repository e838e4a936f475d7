using System.Security.Claims;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Hosting;

internal static class ClaimsPrincipalExtensions
{
    public static WorkflowActor ToWorkflowActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A signed-in user has no id claim.");
        var name = user.FindFirstValue(AppUserClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? id;
        var roles = Roles.All.Where(user.IsInRole).ToList();
        var unitId = Guid.TryParse(user.FindFirstValue(AppUserClaimsPrincipalFactory.UnitIdClaim), out var unit) ? unit : (Guid?)null;
        return new WorkflowActor(id, name, roles, unitId);
    }

    public static AccountActor ToAccountActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A signed-in user has no id claim.");
        var name = user.FindFirstValue(AppUserClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? id;
        return new AccountActor(id, $"{name}（{user.Identity?.Name}）");
    }
}

namespace TitleReview.Application.Security;

/// <param name="UserName">Masked when it is a mobile number: these lists are read by a unit's auditor, who needs no full number.</param>
public sealed record AccountSummary(string UserName, string DisplayName, string Role, bool IsLockedOut);

/// <summary>Read-only questions about accounts that the home pages ask (Identity lives in Infrastructure).</summary>
public interface IAccountDirectory
{
    Task<IReadOnlyDictionary<string, int>> CountByRoleAsync(CancellationToken cancellationToken = default);

    /// <summary>The unit's accounts with their roles, by role and user name.</summary>
    Task<IReadOnlyList<AccountSummary>> ListUnitMembersAsync(Guid unitId, CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>The office's expert list (评审专家): every Expert account with its profile, or a note that it has none yet.</summary>
public sealed record GetExperts(string? Search, WorkflowActor Actor);

/// <param name="ExpertId">Null for an Expert account whose profile the office has not filled in yet (未完善专家信息).</param>
public sealed record ExpertRow(
    Guid? ExpertId,
    string UserId,
    string Name,
    string Organisation,
    bool OrganisationIsRegisteredUnit,
    string ProfessionalTitle,
    string Field,
    string MaskedMobile,
    string MaskedEmail,
    bool IsActive,
    string AccountStatus)
{
    public bool HasProfile => ExpertId is not null;

    public string Standing => !HasProfile ? "未完善专家信息" : IsActive ? "启用" : "已停用";
}

public sealed record ExpertsView(string? Search, IReadOnlyList<ExpertRow> Rows, int Total, int Active, int WithoutProfile);

internal sealed class GetExpertsHandler(IApplicationDbContext db, IExpertAccounts accounts) : IHandler<GetExperts, ExpertsView>
{
    public async Task<ExpertsView> HandleAsync(GetExperts request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var experts = await db.Experts.AsNoTracking().ToDictionaryAsync(e => e.UserId, cancellationToken);
        var rows = (await accounts.ListAsync(cancellationToken))
            .Select(a => experts.GetValueOrDefault(a.UserId) is { } e
                ? new ExpertRow(e.Id, a.UserId, e.Name, e.Organisation, e.UnitId is not null, e.ProfessionalTitle, e.Field, Masked(a.Mobile, MobileNumber.Mask), Masked(a.Email, EmailAddress.Mask), e.IsActive, a.Status)
                : new ExpertRow(null, a.UserId, a.DisplayName, string.Empty, false, string.Empty, string.Empty, Masked(a.Mobile, MobileNumber.Mask), Masked(a.Email, EmailAddress.Mask), false, a.Status))
            .OrderBy(r => r.HasProfile)
            .ThenByDescending(r => r.IsActive)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        // Experts are counted in tens, not thousands: the search runs over the list the page reads anyway.
        var search = request.Search?.Trim();
        var shown = string.IsNullOrEmpty(search)
            ? rows
            : rows.Where(r => new[] { r.Name, r.Organisation, r.ProfessionalTitle, r.Field }.Any(t => t.Contains(search, StringComparison.OrdinalIgnoreCase))).ToList();
        return new ExpertsView(search, shown, rows.Count, rows.Count(r => r.IsActive), rows.Count(r => !r.HasProfile));
    }

    private static string Masked(string? value, Func<string?, string> mask) => string.IsNullOrEmpty(value) ? string.Empty : mask(value);
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>
/// The expert form: empty for a new expert, the account's name and contact for an account
/// without a profile (<paramref name="UserId"/>), the profile for an expert (<paramref name="ExpertId"/>).
/// </summary>
public sealed record GetExpertForm(Guid? ExpertId, string? UserId, WorkflowActor Actor);

public enum ExpertFormMode
{
    Create = 1,

    /// <summary>An Expert account without a profile.</summary>
    Complete = 2,

    Edit = 3,
}

public sealed record UnitOption(Guid Id, string Name);

/// <param name="Units">The registered units an organisation may be chosen from.</param>
public sealed record ExpertFormView(ExpertFormMode Mode, Guid? ExpertId, string? UserId, string? UserName, ExpertProfileInput Values, Guid? ConcurrencyToken, IReadOnlyList<UnitOption> Units);

internal sealed class GetExpertFormHandler(IApplicationDbContext db, IExpertAccounts accounts, IUnitDirectory units) : IHandler<GetExpertForm, ExpertFormView>
{
    public async Task<ExpertFormView> HandleAsync(GetExpertForm request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var options = (await units.ListAsync(cancellationToken)).Select(u => new UnitOption(u.Id, u.Name)).ToList();
        if (request.ExpertId is { } expertId)
        {
            var expert = await db.Experts.AsNoTracking().FirstOrDefaultAsync(e => e.Id == expertId, cancellationToken) ?? throw new NotFoundException("该评审专家");
            var account = await accounts.FindAsync(expert.UserId, cancellationToken);
            var values = new ExpertProfileInput(expert.Name, expert.UnitId, expert.UnitId is null ? expert.Organisation : null, expert.ProfessionalTitle, expert.Field, account?.Mobile, account?.Email);
            return new ExpertFormView(ExpertFormMode.Edit, expert.Id, expert.UserId, account?.UserName, values, expert.ConcurrencyToken, options);
        }

        if (!string.IsNullOrEmpty(request.UserId))
        {
            var account = await accounts.FindAsync(request.UserId, cancellationToken) ?? throw new NotFoundException("该评委账号");
            if (await db.Experts.AsNoTracking().Where(e => e.UserId == account.UserId).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
            {
                return await HandleAsync(request with { ExpertId = existing }, cancellationToken);
            }

            var values = new ExpertProfileInput(account.DisplayName, null, null, null, null, account.Mobile, account.Email);
            return new ExpertFormView(ExpertFormMode.Complete, null, account.UserId, account.UserName, values, null, options);
        }

        return new ExpertFormView(ExpertFormMode.Create, null, null, null, new ExpertProfileInput(null, null, null, null, null, null, null), null, options);
    }
}

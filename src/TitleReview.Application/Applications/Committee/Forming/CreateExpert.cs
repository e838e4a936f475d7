using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>
/// The office adds an expert: the Expert account (user name: the mobile; a set-password link goes
/// to the person's own mobile and e-mail) and the profile, in one transaction. A bad field is
/// reported beside it and nothing is created.
/// </summary>
public sealed record CreateExpert(ExpertProfileInput Input, WorkflowActor Actor);

/// <param name="SentTo">Where a set-password link went, masked; empty when no account was created.</param>
public sealed record ExpertSaved(Guid ExpertId, string Name, IReadOnlyList<string> SentTo);

internal sealed class CreateExpertHandler(IApplicationDbContext db, IExpertAccounts accounts, IUnitDirectory units) : IHandler<CreateExpert, ExpertSaved>
{
    public async Task<ExpertSaved> HandleAsync(CreateExpert request, CancellationToken cancellationToken = default)
    {
        ExpertProfiles.RequireOffice(request.Actor);
        var expert = await ExpertProfiles.CheckAsync(request.Input, null, accounts, units, cancellationToken);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var account = await accounts.CreateAsync(expert.Account, request.Actor.Name, cancellationToken);
        var profile = Expert.Create(account.UserId, expert.Name, expert.Organisation, expert.UnitId, expert.ProfessionalTitle, expert.Field);
        db.Experts.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExpertSaved(profile.Id, profile.Name, account.SentTo);
    }
}

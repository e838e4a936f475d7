using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>
/// The office gives an existing Expert account (created on the accounts page, or a demo account)
/// the profile the committee needs; the account's name, mobile and e-mail follow the form.
/// </summary>
public sealed record CompleteExpertProfile(string UserId, ExpertProfileInput Input, WorkflowActor Actor);

internal sealed class CompleteExpertProfileHandler(IApplicationDbContext db, IExpertAccounts accounts, IUnitDirectory units) : IHandler<CompleteExpertProfile, ExpertSaved>
{
    public async Task<ExpertSaved> HandleAsync(CompleteExpertProfile request, CancellationToken cancellationToken = default)
    {
        ExpertProfiles.RequireOffice(request.Actor);
        var account = await accounts.FindAsync(request.UserId, cancellationToken) ?? throw new NotFoundException("该评委账号");
        if (await db.Experts.AnyAsync(e => e.UserId == account.UserId, cancellationToken))
        {
            throw new DomainException($"{account.DisplayName}的专家信息已经填写，请在专家列表中修改。");
        }

        var expert = await ExpertProfiles.CheckAsync(request.Input, account.UserId, accounts, units, cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await accounts.UpdateContactAsync(account.UserId, expert.Account, cancellationToken);
        var profile = Expert.Create(account.UserId, expert.Name, expert.Organisation, expert.UnitId, expert.ProfessionalTitle, expert.Field);
        db.Experts.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExpertSaved(profile.Id, profile.Name, []);
    }
}

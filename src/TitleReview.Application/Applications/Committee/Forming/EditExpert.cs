using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>The office corrects an expert's profile and contact; a recusal by unit follows the new organisation at once.</summary>
public sealed record EditExpert(Guid ExpertId, ExpertProfileInput Input, Guid? ExpectedToken, WorkflowActor Actor);

internal sealed class EditExpertHandler(IApplicationDbContext db, IExpertAccounts accounts, IUnitDirectory units) : IHandler<EditExpert, ExpertSaved>
{
    private const string Conflict = "该专家的信息刚刚已被他人修改，您的修改未保存。请刷新页面查看最新内容后再改。";

    public async Task<ExpertSaved> HandleAsync(EditExpert request, CancellationToken cancellationToken = default)
    {
        ExpertProfiles.RequireOffice(request.Actor);
        var profile = await db.Experts.FirstOrDefaultAsync(e => e.Id == request.ExpertId, cancellationToken) ?? throw new NotFoundException("该评审专家");
        if (request.ExpectedToken is { } token && token != profile.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException(Conflict);
        }

        var expert = await ExpertProfiles.CheckAsync(request.Input, profile.UserId, accounts, units, cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await accounts.UpdateContactAsync(profile.UserId, expert.Account, cancellationToken);
        profile.Describe(expert.Name, expert.Organisation, expert.UnitId, expert.ProfessionalTitle, expert.Field);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(Conflict, ex);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ExpertSaved(profile.Id, profile.Name, []);
    }
}

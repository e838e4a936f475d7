using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Committee.Forming;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>
/// The office stops inviting an expert (停用) or invites them again (启用). Deactivating is refused
/// while the expert sits on a committee whose review is not over; the sign-in account is the
/// accounts page's business and is left as it is.
/// </summary>
public sealed record SetExpertActive(Guid ExpertId, bool Active, WorkflowActor Actor);

internal sealed class SetExpertActiveHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<SetExpertActive, ExpertSaved>
{
    public async Task<ExpertSaved> HandleAsync(SetExpertActive request, CancellationToken cancellationToken = default)
    {
        ExpertProfiles.RequireOffice(request.Actor);
        var expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == request.ExpertId, cancellationToken) ?? throw new NotFoundException("该评审专家");
        if (expert.IsActive == request.Active)
        {
            throw new DomainException(request.Active ? $"{expert.Name}已是启用状态。" : $"{expert.Name}已经停用。");
        }

        if (request.Active)
        {
            expert.Activate();
        }
        else
        {
            var seated = await CommitteeYears.OpenSeatsOfAsync(db, expert.Id, clock.GetUtcNow(), cancellationToken);
            var rule = new SeatedExpertStaysActiveRule(seated);
            if (rule.IsBroken())
            {
                throw new BusinessRuleViolationException(rule);
            }

            expert.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ExpertSaved(expert.Id, expert.Name, []);
    }
}

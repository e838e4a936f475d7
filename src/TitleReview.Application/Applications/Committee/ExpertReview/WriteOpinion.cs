using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.ExpertReview;

/// <summary>The expert writes (or revises) their opinion on an assigned candidate while the case is before the committee.</summary>
public sealed record WriteOpinion(Guid ApplicationId, string? Text, OpinionRecommendation? Recommendation, WorkflowActor Actor);

internal sealed class WriteOpinionHandler(IApplicationDbContext db, IAssignedDossiers assignments, TimeProvider clock) : IHandler<WriteOpinion, Guid>
{
    public async Task<Guid> HandleAsync(WriteOpinion request, CancellationToken cancellationToken = default)
    {
        var assignment = await assignments.FindAsync(request.Actor, request.ApplicationId, cancellationToken) ?? throw new NotFoundException("该申报材料");
        var assigned = assignment.Dossier ?? throw new DomainException(new PledgeMustBeAcceptedRule(false).Message);
        if (!assigned.BeforeCommittee)
        {
            throw new BusinessRuleViolationException(new OpinionOnlyWhileBeforeCommitteeRule(false));
        }

        new Validation()
            .Check(nameof(request.Text), new OpinionTextWithinLengthRule(request.Text))
            .Check(nameof(request.Recommendation), new OpinionRecommendationChosenRule(request.Recommendation))
            .ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var opinion = await db.ExpertOpinions.FirstOrDefaultAsync(o => o.ApplicationId == request.ApplicationId && o.ExpertId == assigned.Seat.ExpertId, cancellationToken);
        if (opinion is null)
        {
            opinion = ExpertOpinion.Write(assigned.Seat.ExpertId, assigned.CampaignId, assigned.ApplicationId, request.Text, request.Recommendation, assigned.BeforeCommittee, now);
            db.ExpertOpinions.Add(opinion);
        }
        else
        {
            opinion.Revise(request.Text, request.Recommendation, assigned.BeforeCommittee, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return opinion.Id;
    }
}

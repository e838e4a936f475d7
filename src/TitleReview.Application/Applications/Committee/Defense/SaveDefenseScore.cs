using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee.Defense;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Defense;

/// <summary>保存评分: a panel expert scores an attended candidate (0–100) with a written opinion, from their own account.</summary>
public sealed record SaveDefenseScore(Guid ApplicationId, int? Score, string? Opinion, WorkflowActor Actor);

internal sealed class SaveDefenseScoreHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, ICommitteeSeats seats, TimeProvider clock)
    : IHandler<SaveDefenseScore, bool>
{
    public async Task<bool> HandleAsync(SaveDefenseScore request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Expert))
        {
            throw new ForbiddenAccessException("只有答辩小组的评委可以评分。");
        }

        var range = new DefenseScoreInRangeRule(request.Score);
        var opinion = new DefenseOpinionWrittenRule(request.Opinion);
        new Validation()
            .Require(!range.IsBroken(), "score", range.Message)
            .Require(!opinion.IsBroken(), "opinion", opinion.Message)
            .ThrowIfInvalid();

        var found = await RecordDefenseAttendanceHandler.DefenseCaseAsync(db, request.ApplicationId, cancellationToken);
        var seat = await seats.SeatAsync(request.Actor.Id, found.CampaignId, cancellationToken);
        var schedule = await db.DefenseSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.CampaignId == found.CampaignId, cancellationToken);
        var slot = schedule?.SlotOf(request.ApplicationId);
        if (seat is not { Pledged: true } || slot is null || !schedule!.IsPublished || !schedule.Session(slot.SessionId)!.Panel.Contains(seat.ExpertId)
            || (await seats.RecusalsAsync(seat.ExpertId, found.CampaignId, cancellationToken)).ContainsKey(request.ApplicationId))
        {
            throw new NotFoundException("该答辩人");
        }

        if (!definitions.Get(found.DefinitionId, found.DefinitionVersion).Has(found.State, StateCapabilities.DefenseHeld))
        {
            throw new Domain.Common.DomainException($"{found.Name}尚未记录为已参加答辩，暂不能评分。");
        }

        var now = clock.GetUtcNow();
        var existing = await db.DefenseScores.FirstOrDefaultAsync(s => s.ApplicationId == request.ApplicationId && s.ExpertId == seat.ExpertId, cancellationToken);
        if (existing is null)
        {
            db.DefenseScores.Add(DefenseScore.Give(found.CampaignId, request.ApplicationId, seat.ExpertId, request.Score, request.Opinion, slot.ConcludedAt, now));
        }
        else
        {
            existing.Revise(request.Score, request.Opinion, slot.ConcludedAt, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.ExpertReview;

/// <summary>The expert's start page: their committee of a year (the committee stage's campaign when none is asked) and the candidates assigned.</summary>
public sealed record GetExpertHome(int? Year, WorkflowActor Actor);

/// <param name="Opinion">The expert's recommendation on the candidate, once written.</param>
public sealed record AssignedCandidate(CandidateLine Candidate, OpinionRecommendation? Opinion);

public sealed record RecusedCandidate(CandidateLine Candidate, RecusalReason Reason)
{
    public string ReasonText => Recusal.Describe(Reason);
}

/// <param name="Seat">Null when the account has no seat on the year's committee.</param>
/// <param name="PledgeRequired">Seated and not yet pledged: the page sends the expert to the pledge.</param>
public sealed record ExpertHomeView(
    int Year,
    IReadOnlyList<int> Years,
    string CampaignName,
    string? CommitteeName,
    ExpertSeat? Seat,
    bool PledgeRequired,
    IReadOnlyList<AssignedCandidate> Assigned,
    IReadOnlyList<RecusedCandidate> Recused)
{
    public string RoleName => Seat is null ? string.Empty : CommitteeRoleNames.Describe(Seat.Role);

    public string LevelGroupName => Seat?.LevelGroup is { } level ? TitleLevels.DisplayName(level) : "全部级别";
}

internal sealed class GetExpertHomeHandler(
    IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, ICurrentCampaign current, ICommitteeSeats seats, TimeProvider clock)
    : IHandler<GetExpertHome, ExpertHomeView>
{
    public async Task<ExpertHomeView> HandleAsync(GetExpertHome request, CancellationToken cancellationToken = default)
    {
        var years = await current.YearsAsync(cancellationToken);
        if (request.Year is null && years.Count == 0)
        {
            // No campaign yet: an expert's home is still a page, with nothing to review.
            return new ExpertHomeView(BeijingTime.DateOf(clock.GetUtcNow()).Year, years, string.Empty, null, null, false, [], []);
        }

        var campaign = await ReviewedCandidates.CampaignAsync(current, request.Year, cancellationToken);
        var seat = await seats.SeatAsync(request.Actor.Id, campaign.Id, cancellationToken);
        if (seat is null || !seat.Pledged)
        {
            return new ExpertHomeView(campaign.Year, years, campaign.Name, null, seat, seat is not null, [], []);
        }

        var committeeName = await db.ReviewCommittees.AsNoTracking().Where(c => c.Id == seat.CommitteeId).Select(c => c.Name).SingleAsync(cancellationToken);
        var candidates = await ReviewedCandidates.OfAsync(db, definitions, units, seat, cancellationToken);
        var recusals = await seats.RecusalsAsync(seat.ExpertId, campaign.Id, cancellationToken);
        var opinions = await db.ExpertOpinions.AsNoTracking()
            .Where(o => o.ExpertId == seat.ExpertId && o.CampaignId == campaign.Id)
            .ToDictionaryAsync(o => o.ApplicationId, o => o.Recommendation, cancellationToken);
        return new ExpertHomeView(
            campaign.Year,
            years,
            campaign.Name,
            committeeName,
            seat,
            false,
            [.. candidates.Where(c => !recusals.ContainsKey(c.ApplicationId)).Select(c => new AssignedCandidate(c, opinions.TryGetValue(c.ApplicationId, out var r) ? r : null))],
            [.. candidates.Where(c => recusals.ContainsKey(c.ApplicationId)).Select(c => new RecusedCandidate(c, recusals[c.ApplicationId]))]);
    }
}

using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.ExpertReview;

/// <summary>A candidate before the committee, as the expert's pages list them.</summary>
public sealed record CandidateLine(Guid ApplicationId, string ApplicantName, string UnitName, TitleLevel Level, string StateName)
{
    public string LevelName => TitleLevels.DisplayName(Level);
}

/// <summary>The candidates an expert's seat reviews, and the campaign an expert's page is about.</summary>
internal static class ReviewedCandidates
{
    /// <summary>
    /// The campaign's cases before the committee now (their state means referredToCommittee: on
    /// the list, or in the defense) of the levels the seat reviews, recused or not, in one query
    /// plus the unit cards.
    /// </summary>
    public static async Task<IReadOnlyList<CandidateLine>> OfAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, ExpertSeat seat, CancellationToken cancellationToken)
    {
        var referred = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.ReferredToCommittee);
        var rows = await (
                from application in db.TitleApplications.AsNoTracking()
                where application.CampaignId == seat.CampaignId
                join instance in db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectType == ApplicationWorkflow.SubjectType)
                    on application.Id equals instance.SubjectId
                where referred.Contains(instance.State)
                select new { application.Id, application.ApplicantName, application.UnitId, application.Level, instance.DefinitionId, instance.DefinitionVersion, instance.State })
            .ToListAsync(cancellationToken);
        var reviewed = rows.Where(r => seat.Reviews(r.Level)).ToList();
        var cards = await units.FindAllAsync([.. reviewed.Select(r => r.UnitId).Distinct()], cancellationToken);
        return reviewed
            .Select(r => new CandidateLine(
                r.Id,
                r.ApplicantName,
                cards.GetValueOrDefault(r.UnitId)?.Name ?? string.Empty,
                r.Level,
                definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State)))
            .OrderByDescending(r => r.Level)
            .ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ThenBy(r => r.ApplicantName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The year asked for, else the campaign whose committee stage (the defense and the review) is open or next.</summary>
    public static async Task<Campaign> CampaignAsync(ICurrentCampaign current, int? year, CancellationToken cancellationToken) =>
        (year is { } asked ? await current.OfYearAsync(asked, cancellationToken) : await current.ForStageAsync(StageKeys.Defense, cancellationToken))
        ?? throw new NotFoundException("评审年度");
}

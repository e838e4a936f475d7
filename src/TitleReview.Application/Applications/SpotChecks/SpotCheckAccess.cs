using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.SpotChecks;

/// <summary>What the draw's use cases share: who may act, the campaign and its window, the candidates.</summary>
internal static class SpotCheckAccess
{
    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以管理抽查复核。");
        }
    }

    public static SpotCheckActor ActorOf(WorkflowActor actor) => new(actor.Id, actor.Name);

    public static async Task<Campaign> CampaignAsync(IApplicationDbContext db, int year, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Year == year, cancellationToken)
            ?? throw new NotFoundException($"{year} 年度的评审");

    public static SpotCheckWindow WindowOf(Campaign campaign)
    {
        var stage = campaign.Stage(StageKeys.SpotCheck);
        return new SpotCheckWindow(stage.OpensAt, stage.ClosesAt);
    }

    /// <summary>A rule the form can break, as its field's message, before anything is saved.</summary>
    public static void Require(Validation validation, IBusinessRule rule, string field) =>
        validation.Require(!rule.IsBroken(), field, rule.Message);

    /// <summary>
    /// The campaign's cases whose state means they may be spot-checked, with their units'
    /// registration numbers, in the order the commitment publishes them: by unit number, then
    /// level (highest first), then name and application id, so nobody can read a meaning into it.
    /// </summary>
    public static async Task<IReadOnlyList<CandidateToFreeze>> CandidatesAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Guid campaignId, CancellationToken cancellationToken)
    {
        var candidate = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SpotCheckCandidate);
        var rows = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId && candidate.Contains(instance.State)
                select new { application.Id, application.ApplicantName, application.UnitId, application.Level })
            .ToListAsync(cancellationToken);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var numbers = await units.RegistrationNumbersAsync(campaignId, unitIds, cancellationToken);
        var cards = await units.FindAllAsync(unitIds, cancellationToken);

        // A unit known without a registration in the campaign still needs a stable public id: its credit code.
        string NumberOf(Guid unitId) => numbers.GetValueOrDefault(unitId) ?? cards.GetValueOrDefault(unitId)?.CreditCode ?? unitId.ToString("N");
        return rows
            .Select(r => new CandidateToFreeze(r.Id, r.ApplicantName, NumberOf(r.UnitId), cards.GetValueOrDefault(r.UnitId)?.Name ?? string.Empty, r.Level))
            .OrderBy(c => c.UnitNumber, StringComparer.Ordinal)
            .ThenByDescending(c => c.Level)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.ApplicationId)
            .ToList();
    }
}

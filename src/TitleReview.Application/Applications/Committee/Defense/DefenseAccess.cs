using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Defense;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Defense;

/// <summary>A senior candidate of the campaign as the defense reads them: their case, unit and what their state means.</summary>
internal sealed record SeniorCase(
    Guid InstanceId,
    Guid ApplicationId,
    string ApplicantUserId,
    string Name,
    Guid UnitId,
    string State,
    string DefinitionId,
    int DefinitionVersion);

/// <summary>What the defense's use cases share: who may act, the campaign, its window, the seniors and the panel's pool.</summary>
internal static class DefenseAccess
{
    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以管理答辩安排。");
        }
    }

    public static async Task<Campaign> CampaignAsync(IApplicationDbContext db, int year, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Year == year, cancellationToken)
            ?? throw new NotFoundException($"{year} 年度的评审");

    public static DefenseWindow WindowOf(Campaign campaign)
    {
        var stage = campaign.Stage(StageKeys.Defense);
        return new DefenseWindow(stage.OpensAt, stage.ClosesAt);
    }

    /// <summary>The campaign's schedule, tracked, created on first use.</summary>
    public static async Task<DefenseSchedule> ScheduleAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        var schedule = await db.DefenseSchedules.FirstOrDefaultAsync(s => s.CampaignId == campaignId, cancellationToken);
        if (schedule is null)
        {
            schedule = DefenseSchedule.For(campaignId);
            db.DefenseSchedules.Add(schedule);
        }

        return schedule;
    }

    /// <summary>The campaign's senior cases the committee list referred (on the list, scheduled, heard or absent).</summary>
    public static Task<List<SeniorCase>> SeniorsAsync(IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, CancellationToken cancellationToken)
    {
        var referred = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.ReferredToCommittee);
        return (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId
                    && application.Level == TitleLevel.Senior && referred.Contains(instance.State)
                orderby application.ApplicantName
                select new SeniorCase(instance.Id, application.Id, application.ApplicantUserId, application.ApplicantName, application.UnitId, instance.State, instance.DefinitionId, instance.DefinitionVersion))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Still on the list, waiting for the schedule's publication to move it.</summary>
    public static bool AwaitsSchedule(this SeniorCase c, IWorkflowDefinitions definitions) =>
        definitions.Get(c.DefinitionId, c.DefinitionVersion).TransitionFor(WorkflowOperations.PublishDefenseSchedule, c.State) is not null;

    public static bool Means(this SeniorCase c, IWorkflowDefinitions definitions, string capability) =>
        definitions.Get(c.DefinitionId, c.DefinitionVersion).Has(c.State, capability);

    /// <summary>The committee members who review seniors, and their recusals from the senior candidates, by name.</summary>
    public static async Task<PanelPool> PoolAsync(
        IApplicationDbContext db, ICommitteeSeats seats, Guid campaignId, IReadOnlyList<SeniorCase> seniors, CancellationToken cancellationToken)
    {
        var reviewers = await PanelExpertsAsync(db, campaignId, cancellationToken);
        var recusals = await seats.RecusalsByExpertAsync(campaignId, [.. reviewers.Keys], cancellationToken);
        var names = seniors.ToDictionary(s => s.ApplicationId, s => s.Name);
        var pairs = recusals
            .SelectMany(e => e.Value.Keys.Where(names.ContainsKey).Select(a => new PanelRecusal(e.Key, reviewers[e.Key], a, names[a])))
            .ToList();
        return new PanelPool([.. reviewers.Keys], pairs);
    }

    /// <summary>The committee's members who review seniors, with their names, in the committee's order.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> PanelExpertsAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        var committee = await db.ReviewCommittees.AsNoTracking().FirstOrDefaultAsync(c => c.CampaignId == campaignId, cancellationToken);
        if (committee is null)
        {
            return new Dictionary<Guid, string>();
        }

        var ids = committee.MembersFor(TitleLevel.Senior).Select(m => m.ExpertId).ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return ids.Where(experts.ContainsKey).ToDictionary(id => id, id => experts[id]);
    }

    public static async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(IUnitDirectory units, IEnumerable<Guid> unitIds, CancellationToken cancellationToken)
    {
        var cards = await units.FindAllAsync([.. unitIds.Distinct()], cancellationToken);
        return cards.ToDictionary(c => c.Key, c => c.Value.Name);
    }
}
